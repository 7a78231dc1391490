package io.weft.loadgen.target;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of echo request {@code n}, rebuilt in one reusable buffer. The request's sequence number is
 * written in hexadecimal at the front, so a lost, repeated or reordered echo differs from the one expected
 * even though every message has the same length; the rest is a fixed run of letters.
 *
 * <pre>
 *   size = 24, n = 0x2a:
 *   +------------------+----------+
 *   | 000000000000002a | qrstuvwx |
 *   +------------------+----------+
 *     min(size, 16)      'a' + i % 26 at offset i
 *     hex digits of n
 * </pre>
 *
 * Messages shorter than 16 bytes carry only the low {@code 4 * size} bits of the number.
 */
final class EchoPayload {

    /** Sixteen hex digits hold any {@code long}. */
    private static final int MAX_DIGITS = 16;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;
    private final ByteBuffer view;
    private final int digits;

    EchoPayload(int size) {
        bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        view = ByteBuffer.wrap(bytes);
        digits = Math.min(size, MAX_DIGITS);
    }

    /**
     * The payload of request {@code n}, from position 0 to the full size. The buffer is shared: it is valid
     * until the next call, and a caller may move its position and limit.
     */
    ByteBuffer of(long n) {
        long v = n;
        for (int i = digits - 1; i >= 0; i--) {
            bytes[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return view.clear();
    }
}
