package io.weft.codec.frame;

/**
 * Limits shared by the framing codecs. Immutable; one instance can serve every connection.
 *
 * @param maxFrameLength the longest payload a decoder accepts, in bytes, not counting the length header
 *     or the line delimiter. Longer frames end the connection with a {@link FrameTooLongException}.
 */
public record FrameLimits(int maxFrameLength) {

    /**
     * 16 MiB. Generous on purpose: echo tests and benchmarks send payloads of 1 MiB and more, and a peer
     * still cannot make a decoder buffer without bound. Servers facing untrusted peers should lower it.
     */
    public static final FrameLimits DEFAULT = new FrameLimits(16 * 1024 * 1024);

    public FrameLimits {
        if (maxFrameLength <= 0) {
            throw new IllegalArgumentException("maxFrameLength must be positive, was " + maxFrameLength);
        }
    }
}
