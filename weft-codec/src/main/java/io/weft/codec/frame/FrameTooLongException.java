package io.weft.codec.frame;

import io.weft.codec.ProtocolException;

/**
 * A frame is longer than {@link FrameLimits#maxFrameLength()}. Thrown as early as the decoder can tell,
 * before the rest of the frame has to be buffered.
 */
public final class FrameTooLongException extends ProtocolException {

    private final long length;
    private final int maxFrameLength;

    private FrameTooLongException(String message, long length, int maxFrameLength) {
        super(message);
        this.length = length;
        this.maxFrameLength = maxFrameLength;
    }

    /** The peer announced {@code declaredLength} bytes in a length header. */
    public static FrameTooLongException declared(long declaredLength, int maxFrameLength) {
        return new FrameTooLongException(
                "declared frame length " + declaredLength + " exceeds the limit of " + maxFrameLength + " bytes",
                declaredLength, maxFrameLength);
    }

    /** {@code seenLength} bytes of one frame arrived and the frame has not ended (or ended too late). */
    public static FrameTooLongException seen(long seenLength, int maxFrameLength) {
        return new FrameTooLongException(
                "frame of at least " + seenLength + " bytes exceeds the limit of " + maxFrameLength + " bytes",
                seenLength, maxFrameLength);
    }

    /** The declared length, or the number of bytes seen when the limit was crossed. */
    public long length() {
        return length;
    }

    /** The limit that was exceeded. */
    public int maxFrameLength() {
        return maxFrameLength;
    }
}
