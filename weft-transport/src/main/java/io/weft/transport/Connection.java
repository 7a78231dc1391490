package io.weft.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One TCP connection, inbound or outbound, on either engine.
 *
 * <p>Every method may be called from any thread. Writes from the connection's own thread (inside a
 * {@link Handler} callback) are appended directly to its output; writes from other threads are handed
 * to the connection's thread and keep their order relative to each other.
 *
 * <p>Nothing is sent until a flush: the engine flushes by itself after each batch of input is handled;
 * other threads call {@link #flush()} or {@link #writeAndFlush}.
 *
 * <p>Output that cannot be sent yet is queued. Past the high watermark {@link #isWritable()} turns
 * false; past {@link ListenerLimits#maxQueuedOutput()} the connection is aborted as a slow consumer and
 * counted, so one stuck peer cannot take the server's memory.
 *
 * @param <O> outbound message type, encoded by the protocol's codec
 */
public interface Connection<O> {

    /** Unique within this process, increasing in order of acceptance. */
    long id();

    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();

    /** Per-connection attributes for protocol state that does not live in the handler. */
    Attributes attributes();

    /** Queues {@code message}, encoded by the protocol's encoder. Ignored once the connection closed. */
    void write(O message);

    /**
     * Queues the bytes between {@code bytes}' position and limit, as they are (copied now; the buffer's
     * position is not changed).
     */
    void writeBytes(ByteBuffer bytes);

    /** Queues {@code bytes} as they are (copied now). */
    void writeBytes(byte[] bytes);

    /** Sends everything queued so far, as soon as the socket takes it. */
    void flush();

    default void writeAndFlush(O message) {
        write(message);
        flush();
    }

    /** False while queued output is above the high watermark, until it drops below the low one. */
    boolean isWritable();

    /** Bytes queued and not yet taken by the socket. */
    long queuedOutputBytes();

    /**
     * True until the connection starts closing. A connection cut as a slow consumer reads as closed at
     * once, from any thread, even before its own thread has closed the socket.
     */
    boolean isOpen();

    /**
     * Graceful close: stops reading new messages, sends everything queued, then a FIN; the socket is
     * released once the peer closes too or a short linger passes. Idempotent.
     */
    void close();

    /** Abortive close: drops queued output and resets the connection (RST). Idempotent. */
    void abort();
}
