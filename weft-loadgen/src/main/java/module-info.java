/**
 * Load generation on Weft's own codecs and outbound connections: the generator and its results
 * ({@code io.weft.loadgen}), the contract a protocol implements ({@code .spi}), the built-in protocols
 * ({@code .target}) and the report writers ({@code .report}). The engine itself is internal.
 */
// LoadResult hands out an HdrHistogram, so its users must read that module too, automatic as it is.
@SuppressWarnings("requires-transitive-automatic")
module io.weft.loadgen {
    requires transitive io.weft.transport;
    requires transitive HdrHistogram;
    requires org.slf4j;
    requires java.desktop;
    requires xchart;
    requires VectorGraphics2D;

    exports io.weft.loadgen;
    exports io.weft.loadgen.spi;
    exports io.weft.loadgen.target;
    exports io.weft.loadgen.report;
    exports io.weft.loadgen.connect;
}
