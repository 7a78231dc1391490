package io.weft.codec.resp;

import io.weft.codec.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * A peer broke RESP or one of the {@link RespLimits}. On the server side {@link #reply()} is the exact error
 * line Redis 7.0 sends before closing, for example {@code -ERR Protocol error: invalid bulk length\r\n}; on
 * the client side (a malformed reply) there is nothing to send and {@code reply()} is {@code null}.
 */
public final class RespProtocolException extends ProtocolException {

    private RespProtocolException(String message, byte[] reply) {
        super(message, reply);
    }

    /** A request error: the message is the Redis error text after {@code "ERR "}. */
    static RespProtocolException request(String redisText) {
        byte[] reply = ("-ERR " + redisText + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return new RespProtocolException(redisText, reply);
    }

    /** A malformed reply, seen by a client: nothing to tell the server. */
    static RespProtocolException reply(String message) {
        return new RespProtocolException(message, null);
    }
}
