package io.weft.codec.frame;

import io.weft.codec.Decoder;
import java.nio.ByteBuffer;

/**
 * No framing: whatever bytes have arrived are one message. Suits byte-stream protocols such as echo,
 * where message boundaries do not matter.
 *
 * <p>Messages are views on the input buffer's memory, valid until the next call to {@link #decode}.
 * One instance per connection.
 */
public final class RawDecoder implements Decoder<ByteBuffer> {

    private final ReusableView view = new ReusableView();

    /** Returns every byte between position and limit, or {@code null} when there are none. */
    @Override
    public ByteBuffer decode(ByteBuffer in) {
        int start = in.position();
        int end = in.limit();
        if (start == end) {
            return null;
        }
        in.position(end);
        return view.of(in, start, end);
    }
}
