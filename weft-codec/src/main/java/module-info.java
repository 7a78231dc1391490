/** Engine-free codecs: bytes in, whole messages out. Knows nothing about sockets or threads. */
module io.weft.codec {
    exports io.weft.codec;
    exports io.weft.codec.frame;
    exports io.weft.codec.http;
    exports io.weft.codec.resp;
}
