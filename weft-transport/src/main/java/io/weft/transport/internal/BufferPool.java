package io.weft.transport.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Fixed-size direct buffers for one thread (an event loop): taken when a connection has bytes to hold
 * and given back as soon as it has none, so an idle connection pins no buffer. Requests larger than a
 * chunk get a one-off heap buffer that the garbage collector reclaims.
 *
 * <p>Not thread-safe: each event loop has its own pool.
 */
public final class BufferPool {

    private final int chunkSize;
    private final int maxCached;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

    public BufferPool(int chunkSize, int maxCached) {
        this.chunkSize = chunkSize;
        this.maxCached = maxCached;
    }

    public int chunkSize() {
        return chunkSize;
    }

    /** A cleared buffer of at least {@code minCapacity} bytes. */
    public ByteBuffer acquire(int minCapacity) {
        if (minCapacity > chunkSize) {
            return ByteBuffer.allocate(minCapacity);
        }
        ByteBuffer b = free.pollLast();
        return b != null ? b : ByteBuffer.allocateDirect(chunkSize);
    }

    /** Gives {@code buffer} back; one-off buffers are dropped. */
    public void release(ByteBuffer buffer) {
        if (buffer.isDirect() && buffer.capacity() == chunkSize && free.size() < maxCached) {
            free.addLast(buffer.clear());
        }
    }
}
