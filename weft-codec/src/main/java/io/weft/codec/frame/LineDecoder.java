package io.weft.codec.frame;

import io.weft.codec.Decoder;
import java.nio.ByteBuffer;

/**
 * Decodes lines ended by {@code '\n'}. A {@code '\r'} directly before the {@code '\n'} is dropped too,
 * so both LF and CRLF peers work; a {@code '\r'} anywhere else is part of the line.
 *
 * <pre>
 * +--------------------------+------+------+
 * | line bytes (no '\n')     | '\r' | '\n' |     the '\r' is optional
 * +--------------------------+------+------+
 *  "hi\r\n" and "hi\n" both decode to "hi";  "\n" decodes to an empty line
 * </pre>
 *
 * <p>The decoder remembers how many bytes after the input's position it has already searched, so a long
 * line that arrives a few bytes at a time is scanned once, not once per call. That count is relative to
 * the position: the caller may compact or copy its buffer between calls as long as the unconsumed bytes
 * stay in order starting at the position.
 *
 * <p>A line longer than {@link FrameLimits#maxFrameLength()} (not counting the delimiter) is rejected
 * with a {@link FrameTooLongException} as soon as more than that many line bytes are buffered without a
 * {@code '\n'}. A trailing {@code '\r'} is not counted yet, because it may turn out to be half of a CRLF.
 *
 * <p>Messages are views on the input buffer's memory: position at the first byte of the line, limit
 * before the delimiter. They stay valid until the next call to {@link #decode}. One instance per
 * connection.
 */
public final class LineDecoder implements Decoder<ByteBuffer> {

    private final int maxFrameLength;
    private final ReusableView view = new ReusableView();
    /** Bytes after the input's position already known to hold no '\n'. */
    private int scanned;

    public LineDecoder(FrameLimits limits) {
        this.maxFrameLength = limits.maxFrameLength();
    }

    @Override
    public ByteBuffer decode(ByteBuffer in) throws FrameTooLongException {
        int start = in.position();
        int end = in.limit();
        int from = start + Math.min(scanned, end - start);
        int newline = indexOfNewline(in, from, end);
        if (newline < 0) {
            scanned = end - start;
            checkPending(in, start, end);
            return null;
        }
        scanned = 0;
        int lineEnd = newline > start && in.get(newline - 1) == '\r' ? newline - 1 : newline;
        if (lineEnd - start > maxFrameLength) {
            throw FrameTooLongException.seen(lineEnd - start, maxFrameLength);
        }
        in.position(newline + 1);
        return view.of(in, start, lineEnd);
    }

    /** True when bytes of a line have arrived but its {@code '\n'} has not. */
    @Override
    public boolean hasPartialMessage() {
        return scanned > 0;
    }

    private void checkPending(ByteBuffer in, int start, int end) throws FrameTooLongException {
        int lineBytes = end - start;
        if (lineBytes > 0 && in.get(end - 1) == '\r') {
            lineBytes--;
        }
        if (lineBytes > maxFrameLength) {
            throw FrameTooLongException.seen(lineBytes, maxFrameLength);
        }
    }

    private static int indexOfNewline(ByteBuffer in, int from, int end) {
        for (int i = from; i < end; i++) {
            if (in.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
