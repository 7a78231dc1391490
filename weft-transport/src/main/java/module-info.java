/**
 * Weft's transport: servers, outbound connections and the handler API ({@code io.weft.transport}), the
 * contract engines implement ({@code io.weft.transport.spi}), and the two built-in engines (internal).
 */
module io.weft.transport {
    requires transitive io.weft.codec;
    requires org.slf4j;

    exports io.weft.transport;
    exports io.weft.transport.spi;
}
