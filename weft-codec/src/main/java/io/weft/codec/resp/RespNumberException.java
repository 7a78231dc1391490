package io.weft.codec.resp;

/**
 * An argument is not a number by Redis's rules. Commands turn it into their own error reply, such as
 * {@code -ERR value is not an integer or out of range}; the connection stays open. Callers that want no
 * exception at all test first with {@link RespRequest#argIsLong} or {@link RespRequest#argIsDouble}.
 */
public final class RespNumberException extends RuntimeException {

    public RespNumberException(String message) {
        super(message, null, false, false);
    }
}
