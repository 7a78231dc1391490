package io.weft.codec.frame;

import java.nio.ByteBuffer;

/**
 * One {@code duplicate()} of the caller's input buffer, re-aimed at each decoded message. Engines feed the
 * same read buffer object on every call, so after the first call decoding allocates nothing; a different
 * buffer object (the caller grew or swapped its buffer) costs one new duplicate.
 */
final class ReusableView {

    private ByteBuffer source;
    private ByteBuffer view;

    /** A view on {@code in}'s memory with position {@code start} and limit {@code end}. */
    ByteBuffer of(ByteBuffer in, int start, int end) {
        if (in != source) {
            source = in;
            view = in.duplicate();
        }
        // Limit first: it may be below the old position, and position() must stay within the limit.
        view.limit(end).position(start);
        return view;
    }
}
