package io.weft.codec;

/**
 * Writes one message as bytes into a {@link ByteSink}. Encoders are stateless unless they say otherwise
 * and may be shared between connections.
 *
 * @param <M> the message type
 */
@FunctionalInterface
public interface Encoder<M> {

    /** Appends the wire form of {@code message} to {@code out}. Does not change {@code message}. */
    void encode(M message, ByteSink out);
}
