package io.weft.codec.resp;

import io.weft.codec.ByteSink;
import java.nio.charset.StandardCharsets;

/**
 * The most common replies, encoded once (Redis's {@code shared.ok} and friends). Writing one is a single
 * array copy. The bytes are private so no caller can corrupt them for everyone else.
 */
public enum RespConstant {
    OK("+OK\r\n"),
    PONG("+PONG\r\n"),
    QUEUED("+QUEUED\r\n"),
    /** RESP2's null bulk string, the reply to GET of a missing key. */
    NULL_BULK("$-1\r\n"),
    /** RESP2's null array. */
    NULL_ARRAY("*-1\r\n"),
    /** RESP3's one null. */
    NULL("_\r\n"),
    EMPTY_ARRAY("*0\r\n"),
    EMPTY_BULK("$0\r\n\r\n"),
    ZERO(":0\r\n"),
    ONE(":1\r\n");

    private final byte[] bytes;

    RespConstant(String wire) {
        this.bytes = wire.getBytes(StandardCharsets.US_ASCII);
    }

    /** Appends the reply to {@code sink}. */
    public ByteSink writeTo(ByteSink sink) {
        return sink.writeBytes(bytes);
    }

    /** The wire bytes, a copy. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }
}
