package io.weft.codec;

/**
 * The peer broke the protocol or exceeded one of its limits. Thrown by decoders; the engine closes the
 * one connection it came from, after writing {@link #reply()} if the protocol has a way to say so.
 */
public class ProtocolException extends Exception {

    private final transient byte[] reply;

    public ProtocolException(String message) {
        this(message, null);
    }

    /**
     * @param reply bytes to send to the peer before closing (for example a RESP error line), or null
     */
    public ProtocolException(String message, byte[] reply) {
        super(message, null, false, false);
        this.reply = reply;
    }

    /** Bytes to send before the connection is closed, or {@code null} when the protocol has none. */
    public byte[] reply() {
        return reply;
    }
}
