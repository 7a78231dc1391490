package io.weft.codec.frame;

import io.weft.codec.ByteSink;
import io.weft.codec.Encoder;
import java.nio.ByteBuffer;

/** Writes a message's bytes as they are. The message's position is not changed. Stateless. */
public final class RawEncoder implements Encoder<ByteBuffer> {

    @Override
    public void encode(ByteBuffer message, ByteSink out) {
        out.writeBytes(message);
    }
}
