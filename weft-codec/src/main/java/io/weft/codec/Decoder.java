package io.weft.codec;

import java.nio.ByteBuffer;

/**
 * A push-style decoder: the caller pushes whatever bytes have arrived, the decoder hands back one whole
 * message at a time.
 *
 * <p>Contract, for every implementation:
 * <ul>
 *   <li>{@code decode(in)} looks at {@code in} from its position to its limit. If a whole message is
 *       there it advances the position past that message and returns it.</li>
 *   <li>If the bytes end before a message does, it returns {@code null} ("need more") and leaves the
 *       position where it was, so the caller can append more bytes and call again. The decoder may
 *       remember how far it has already scanned, so re-scanning stays linear.</li>
 *   <li>A violation of the protocol or of a limit throws a {@link ProtocolException}; the connection it
 *       came from is then closed. Expected conditions are never exceptions.</li>
 * </ul>
 *
 * <p>A returned message may be a view on {@code in}'s memory. It is valid until the next call to
 * {@code decode} or until the caller changes {@code in}, whichever comes first; a caller that keeps it
 * longer copies it. Decoders are stateful and belong to one connection; they are not thread-safe.
 *
 * @param <M> the message type
 */
public interface Decoder<M> {

    /**
     * Decodes the next whole message from {@code in}.
     *
     * @return the message, or {@code null} when {@code in} does not yet hold a whole one
     * @throws ProtocolException when the input breaks the protocol or one of its limits
     */
    M decode(ByteBuffer in) throws ProtocolException;

    /** Whether the decoder has consumed part of a message it has not yet returned. */
    default boolean hasPartialMessage() {
        return false;
    }
}
