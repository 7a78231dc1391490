package io.weft.codec.frame;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.Decoder;
import io.weft.codec.Encoder;
import io.weft.codec.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a decoder the way an engine does: append what "arrived" to a read buffer, decode until "need
 * more", copy each message out (views die at the next decode), keep the rest for the next read.
 */
final class EngineFeed {

    private final Decoder<ByteBuffer> decoder;
    private final boolean compactEveryRead;
    private final List<byte[]> messages = new ArrayList<>();
    /** Unconsumed bytes between position and limit, like a read buffer between reads. */
    private ByteBuffer buffer;

    /**
     * @param compactEveryRead move unconsumed bytes to the front before every read (stresses decoders that
     *     remember offsets); otherwise only when the buffer has no room at its end
     */
    EngineFeed(Decoder<ByteBuffer> decoder, int initialCapacity, boolean compactEveryRead) {
        this.decoder = decoder;
        this.compactEveryRead = compactEveryRead;
        this.buffer = ByteBuffer.allocate(initialCapacity).flip();
    }

    /** Delivers {@code bytes[offset, offset + length)} as one read and decodes what it can. */
    EngineFeed read(byte[] bytes, int offset, int length) throws ProtocolException {
        makeRoom(length);
        int limit = buffer.limit();
        buffer.limit(limit + length).put(limit, bytes, offset, length);
        ByteBuffer message;
        while ((message = decoder.decode(buffer)) != null) {
            messages.add(copy(message));
        }
        return this;
    }

    EngineFeed read(byte[] bytes) throws ProtocolException {
        return read(bytes, 0, bytes.length);
    }

    /** Delivers {@code bytes} in reads of {@code chunk} bytes (the last may be shorter). */
    EngineFeed readInChunks(byte[] bytes, int chunk) throws ProtocolException {
        for (int i = 0; i < bytes.length; i += chunk) {
            read(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return this;
    }

    List<byte[]> messages() {
        return messages;
    }

    /** Bytes received but not yet consumed by the decoder. */
    int pending() {
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

    static byte[] copy(ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(message.position(), bytes);
        return bytes;
    }

    /** The bytes {@code encoder} writes for {@code messages}, one after the other. */
    static byte[] encodeAll(Encoder<ByteBuffer> encoder, List<byte[]> messages) {
        ByteBufferSink sink = new ByteBufferSink(256);
        for (byte[] message : messages) {
            encoder.encode(ByteBuffer.wrap(message), sink);
        }
        return copy(sink.written());
    }
}
