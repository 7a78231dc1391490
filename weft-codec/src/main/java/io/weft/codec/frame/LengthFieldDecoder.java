package io.weft.codec.frame;

import io.weft.codec.Decoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes length-prefixed frames: a 4-byte big-endian unsigned length, then that many payload bytes.
 *
 * <pre>
 *  0               1               2               3
 * +---------------+---------------+---------------+---------------+---------------------+
 * |            length N (unsigned 32-bit, big-endian)             |  N bytes of payload |
 * +---------------+---------------+---------------+---------------+---------------------+
 *  "hi"  is sent as  00 00 00 02 68 69;  an empty frame is  00 00 00 00
 * </pre>
 *
 * <p>The declared length is checked against {@link FrameLimits#maxFrameLength()} as soon as the four
 * header bytes are there, before any payload is buffered, so a peer cannot make the caller hold on to
 * more than the limit by announcing a huge frame. Lengths of 2<sup>31</sup> and above are rejected the
 * same way (they can never fit any limit).
 *
 * <p>Messages are views on the input buffer's memory: position at the first payload byte, limit after
 * the last. They stay valid until the next call to {@link #decode}. One instance per connection.
 */
public final class LengthFieldDecoder implements Decoder<ByteBuffer> {

    /** Bytes in the length header. */
    public static final int HEADER_LENGTH = 4;

    private final int maxFrameLength;
    private final ReusableView view = new ReusableView();
    private boolean partial;

    public LengthFieldDecoder(FrameLimits limits) {
        this.maxFrameLength = limits.maxFrameLength();
    }

    @Override
    public ByteBuffer decode(ByteBuffer in) throws FrameTooLongException {
        int start = in.position();
        int available = in.limit() - start;
        if (available < HEADER_LENGTH) {
            partial = available > 0;
            return null;
        }
        long length = Integer.toUnsignedLong(bigEndianInt(in, start));
        if (length > maxFrameLength) {
            throw FrameTooLongException.declared(length, maxFrameLength);
        }
        int payloadStart = start + HEADER_LENGTH;
        if (available - HEADER_LENGTH < length) {
            partial = true;
            return null;
        }
        int payloadEnd = payloadStart + (int) length;
        partial = false;
        in.position(payloadEnd);
        return view.of(in, payloadStart, payloadEnd);
    }

    /** True when the last call saw the start of a frame but not all of it. */
    @Override
    public boolean hasPartialMessage() {
        return partial;
    }

    // The wire is big-endian whatever order the caller has set on its buffer.
    private static int bigEndianInt(ByteBuffer in, int index) {
        int raw = in.getInt(index);
        return in.order() == ByteOrder.BIG_ENDIAN ? raw : Integer.reverseBytes(raw);
    }
}
