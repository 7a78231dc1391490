package io.weft.codec.resp;

/** The reply dialect a connection speaks: RESP2 by default, RESP3 after {@code HELLO 3}. */
public enum RespVersion {
    RESP2,
    RESP3
}
