package io.weft.codec;

import java.nio.ByteBuffer;

/** A {@link ByteSink} over one heap buffer that doubles when full. For tests, benchmarks and clients. */
public final class ByteBufferSink implements ByteSink {

    private ByteBuffer buffer;
    private ByteBuffer view;

    public ByteBufferSink(int initialCapacity) {
        this.buffer = ByteBuffer.allocate(Math.max(16, initialCapacity));
    }

    /** The bytes written so far, ready to read (a view; the sink keeps writing after its limit). */
    public ByteBuffer written() {
        return buffer.duplicate().flip();
    }

    /**
     * The bytes written so far, ready to read, in a view the sink reuses: no allocation unless the sink
     * grew since the last call. Valid until the next write or {@link #clear()}.
     */
    public ByteBuffer readable() {
        if (view == null || view.capacity() != buffer.capacity()) {
            view = buffer.duplicate();
        }
        return view.limit(buffer.position()).position(0);
    }

    /** Forgets what was written, keeping the capacity. */
    public void clear() {
        buffer.clear();
    }

    public int size() {
        return buffer.position();
    }

    private void ensure(int extra) {
        if (buffer.remaining() < extra) {
            int capacity = Math.max(buffer.capacity() * 2, buffer.position() + extra);
            buffer = ByteBuffer.allocate(capacity).put(buffer.flip());
        }
    }

    @Override
    public ByteSink writeByte(int value) {
        ensure(1);
        buffer.put((byte) value);
        return this;
    }

    @Override
    public ByteSink writeBytes(byte[] source, int offset, int length) {
        ensure(length);
        buffer.put(source, offset, length);
        return this;
    }

    @Override
    public ByteSink writeBytes(ByteBuffer source) {
        int length = source.remaining();
        ensure(length);
        buffer.put(buffer.position(), source, source.position(), length);
        buffer.position(buffer.position() + length);
        return this;
    }

    @Override
    public ByteSink writeInt(int value) {
        ensure(4);
        buffer.putInt(value);
        return this;
    }
}
