/** Load generation on Weft's own codecs and outbound connections. */
module io.weft.loadgen {
    requires transitive io.weft.transport;
    requires HdrHistogram;
    requires org.slf4j;

    exports io.weft.loadgen;
}
