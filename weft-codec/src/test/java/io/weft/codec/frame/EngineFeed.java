package io.weft.codec.frame;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.Decoder;
import io.weft.codec.DecoderFeed;
import io.weft.codec.Encoder;
import java.nio.ByteBuffer;
import java.util.List;

/** {@link DecoderFeed} for the framing decoders: each frame is copied out as bytes. */
final class EngineFeed extends DecoderFeed<ByteBuffer, byte[], EngineFeed> {

    EngineFeed(Decoder<ByteBuffer> decoder, int initialCapacity, boolean compactEveryRead) {
        super(decoder, EngineFeed::copy, initialCapacity, compactEveryRead);
    }

    List<byte[]> messages() {
        return decoded();
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
