package io.weft.loadgen.spi;

/**
 * Checks one connection's replies. Called on the connection's event loop only, one message at a time;
 * it must not block.
 *
 * @param <I> the decoded message type
 */
public interface ReplyChecker<I> {

    /**
     * Takes one decoded message, which may hold part of a reply, one reply, or several (raw echo has no
     * framing). For each reply it completes, it calls {@link Replies#ok()} or {@link Replies#failed} once;
     * {@link Replies#token()} says which request the next reply answers.
     *
     * <p>The message is valid only during this call.
     *
     * @return false when the byte stream can no longer be matched to requests (bytes nobody asked for, a
     *         reply of the wrong length): the connection is then closed and its requests still in flight
     *         are counted as lost
     */
    boolean onMessage(I message, Replies replies);
}
