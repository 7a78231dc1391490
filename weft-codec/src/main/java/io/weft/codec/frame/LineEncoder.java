package io.weft.codec.frame;

import io.weft.codec.ByteSink;
import io.weft.codec.Encoder;
import java.nio.ByteBuffer;

/**
 * Writes a message as one line: its bytes, then {@code '\n'}. The message should not contain
 * {@code '\n'} itself (the peer would see two lines); this is not checked, because checking costs a pass
 * over every message and decoded lines never contain one. The message's position is not changed.
 * Stateless.
 */
public final class LineEncoder implements Encoder<ByteBuffer> {

    @Override
    public void encode(ByteBuffer message, ByteSink out) {
        out.writeBytes(message);
        out.writeByte('\n');
    }
}
