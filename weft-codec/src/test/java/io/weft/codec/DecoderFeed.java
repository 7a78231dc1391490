package io.weft.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Drives a decoder the way an engine does: append what "arrived" to a read buffer, decode until "need
 * more", copy each message out (views die at the next decode), keep the rest for the next read. Codec
 * tests subclass it to name what they copy out.
 *
 * @param <M> what the decoder returns
 * @param <R> what a message is copied into
 * @param <F> the subclass, so calls chain
 */
public abstract class DecoderFeed<M, R, F extends DecoderFeed<M, R, F>> {

    private final Decoder<M> decoder;
    private final Function<M, R> copy;
    private final boolean compactEveryRead;
    private final List<R> decoded = new ArrayList<>();
    /** Unconsumed bytes between position and limit, like a read buffer between reads. */
    private ByteBuffer buffer;

    /**
     * @param copy             copies a decoded message out before the next decode
     * @param compactEveryRead move unconsumed bytes to the front before every read (stresses decoders
     *                         that remember offsets); otherwise only when the buffer has no room at its end
     */
    protected DecoderFeed(Decoder<M> decoder, Function<M, R> copy, int initialCapacity, boolean compactEveryRead) {
        this.decoder = decoder;
        this.copy = copy;
        this.compactEveryRead = compactEveryRead;
        this.buffer = ByteBuffer.allocate(initialCapacity).flip();
    }

    @SuppressWarnings("unchecked")
    private F self() {
        return (F) this;
    }

    /** Delivers {@code bytes[offset, offset + length)} as one read and decodes what it can. */
    public F read(byte[] bytes, int offset, int length) throws ProtocolException {
        makeRoom(length);
        int limit = buffer.limit();
        buffer.limit(limit + length).put(limit, bytes, offset, length);
        M message;
        while ((message = decoder.decode(buffer)) != null) {
            decoded.add(copy.apply(message));
        }
        return self();
    }

    public F read(byte[] bytes) throws ProtocolException {
        return read(bytes, 0, bytes.length);
    }

    /** Delivers {@code bytes} in reads of {@code chunk} bytes (the last may be shorter). */
    public F readInChunks(byte[] bytes, int chunk) throws ProtocolException {
        for (int i = 0; i < bytes.length; i += chunk) {
            read(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return self();
    }

    /** Every message decoded so far, copied. */
    protected List<R> decoded() {
        return decoded;
    }

    /** Bytes received but not yet consumed by the decoder. */
    public int pending() {
        return buffer.remaining();
    }

    private void makeRoom(int length) {
        if (compactEveryRead || buffer.capacity() - buffer.limit() < length) {
            buffer.compact().flip();
        }
        if (buffer.capacity() - buffer.limit() < length) {
            // A new buffer object: decoders must notice and stop using views of the old one.
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.limit() + length));
            buffer = bigger.put(buffer).flip();
        }
    }
}
