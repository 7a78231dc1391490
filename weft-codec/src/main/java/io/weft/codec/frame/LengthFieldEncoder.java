package io.weft.codec.frame;

import io.weft.codec.ByteSink;
import io.weft.codec.Encoder;
import java.nio.ByteBuffer;

/**
 * Writes a message as a length-prefixed frame: its length as 4 big-endian bytes, then its bytes. See
 * {@link LengthFieldDecoder} for the wire format. The message's position is not changed. Stateless.
 */
public final class LengthFieldEncoder implements Encoder<ByteBuffer> {

    @Override
    public void encode(ByteBuffer message, ByteSink out) {
        out.writeInt(message.remaining());
        out.writeBytes(message);
    }
}
