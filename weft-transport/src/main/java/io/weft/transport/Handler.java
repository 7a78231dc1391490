package io.weft.transport;

/**
 * Protocol logic for one connection. A handler instance serves exactly one connection: the listener's
 * {@link Protocol} makes a new one per connection, so fields need no synchronisation.
 *
 * <h2>Threads</h2>
 * The engine never calls two methods of one handler at the same time, and every call happens-after the
 * previous one. On the event-loop engine all calls come from the connection's event loop: a handler
 * must not block there, since that stalls every connection on the loop. On the virtual-thread engine
 * calls come from the connection's own virtual thread (idle events may come from the engine's idle
 * sweeper and writability changes from a short-lived virtual thread, always under the same mutual
 * exclusion), and blocking is fine: it only delays this connection.
 *
 * <h2>Buffers</h2>
 * A message that is a view on received bytes (a {@code ByteBuffer} from the framing codecs, say) is
 * valid only until {@link #onMessage} returns. Copy it to keep it.
 *
 * <h2>Output</h2>
 * Writes made during a callback are queued and flushed together once the callback, and the rest of the
 * input read in the same batch, has been handled: one system call for a whole pipeline of replies.
 *
 * <p>An exception thrown from any method closes this connection only (reason
 * {@link CloseReason#HANDLER_ERROR}) and is logged once with the connection id.
 *
 * @param <I> inbound message type, as decoded by the protocol's codec
 * @param <O> outbound message type, as encoded by the protocol's codec
 */
public interface Handler<I, O> {

    /** The connection is established and registered. Nothing has been read yet. */
    default void onOpen(Connection<O> connection) throws Exception {
    }

    /** One whole decoded message. See the class comment on how long {@code message} stays valid. */
    default void onMessage(Connection<O> connection, I message) throws Exception {
    }

    /**
     * An idle timer fired. For {@link IdleEvent#READ_IDLE} the connection is closed right after this
     * returns; the other events are hooks (a heartbeat handler writes its ping here).
     */
    default void onIdle(Connection<O> connection, IdleEvent event) throws Exception {
    }

    /**
     * Output crossed a watermark: {@code writable} is false once queued output exceeds the high
     * watermark and true again once it falls below the low one. Producers that can pause, should.
     */
    default void onWritabilityChanged(Connection<O> connection, boolean writable) throws Exception {
    }

    /** The connection is closed; called exactly once, last. Writes are ignored from here on. */
    default void onClose(Connection<O> connection, CloseReason reason) {
    }
}
