package io.weft.transport.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Fixed-size direct buffers shared by many threads (the virtual-thread engine's readers): a small
 * array of slots taken and returned with compare-and-set, starting at a slot picked by the caller's
 * thread so concurrent callers rarely meet. When every slot is empty a new buffer is made; when every
 * slot is full a returned buffer is dropped for the collector.
 */
public final class SharedBufferPool {

    private final int bufferSize;
    private final AtomicReferenceArray<ByteBuffer> slots;

    public SharedBufferPool(int bufferSize, int slots) {
        this.bufferSize = bufferSize;
        this.slots = new AtomicReferenceArray<>(slots);
    }

    public int bufferSize() {
        return bufferSize;
    }

    /** A cleared buffer of {@link #bufferSize()} bytes. */
    public ByteBuffer acquire() {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            ByteBuffer b = slots.getPlain(slot);
            if (b != null && slots.compareAndSet(slot, b, null)) {
                return b.clear();
            }
        }
        return ByteBuffer.allocateDirect(bufferSize);
    }

    public void release(ByteBuffer buffer) {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            if (slots.getPlain(slot) == null && slots.compareAndSet(slot, null, buffer)) {
                return;
            }
        }
    }

    private static int start(int n) {
        return (int) (Thread.currentThread().threadId() % n);
    }
}
