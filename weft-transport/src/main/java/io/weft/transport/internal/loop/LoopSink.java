package io.weft.transport.internal.loop;

import io.weft.codec.ByteSink;
import java.nio.ByteBuffer;

/**
 * The encoders' {@link ByteSink} on one event loop, pointed at the connection being written to. One
 * per loop rather than one per connection: encoding happens on the loop thread, one message at a time.
 */
final class LoopSink implements ByteSink {

    private LoopConnection<?, ?> target;
    private long written;

    /** Points the sink at {@code connection} and starts counting from zero. */
    LoopSink target(LoopConnection<?, ?> connection) {
        target = connection;
        written = 0;
        return this;
    }

    /** Bytes written since {@link #target}. */
    long written() {
        return written;
    }

    @Override
    public ByteSink writeByte(int value) {
        target.sinkByte(value);
        written++;
        return this;
    }

    @Override
    public ByteSink writeBytes(byte[] source, int offset, int length) {
        target.sinkBytes(source, offset, length);
        written += length;
        return this;
    }

    @Override
    public ByteSink writeBytes(ByteBuffer source) {
        target.writeBytes0(source);
        written += source.remaining();
        return this;
    }

    @Override
    public ByteSink writeInt(int value) {
        target.sinkInt(value);
        written += 4;
        return this;
    }
}
