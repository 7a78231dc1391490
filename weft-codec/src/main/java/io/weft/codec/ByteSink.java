package io.weft.codec;

import java.nio.ByteBuffer;

/**
 * Where encoders write. Engines implement it over their pooled output buffers; tests and benchmarks use
 * {@link ByteBufferSink}. Every method appends; nothing is sent until the owner flushes.
 */
public interface ByteSink {

    /** Appends the low 8 bits of {@code value}. */
    ByteSink writeByte(int value);

    /** Appends {@code length} bytes of {@code source} starting at {@code offset}. */
    ByteSink writeBytes(byte[] source, int offset, int length);

    /**
     * Appends the bytes between {@code source}'s position and limit. The position of {@code source} is
     * not changed, so the same buffer can be written twice.
     */
    ByteSink writeBytes(ByteBuffer source);

    /** Appends {@code value} as four bytes, most significant first. */
    ByteSink writeInt(int value);

    /** Appends every byte of {@code source}. */
    default ByteSink writeBytes(byte[] source) {
        return writeBytes(source, 0, source.length);
    }

    /**
     * Appends {@code value} in decimal ASCII, with a leading '-' when negative, without allocating.
     * RESP lengths and integers and HTTP content lengths are written this way.
     */
    default ByteSink writeAsciiLong(long value) {
        if (value == Long.MIN_VALUE) {
            return writeBytes(AsciiDigits.LONG_MIN_VALUE);
        }
        if (value < 0) {
            writeByte('-');
            value = -value;
        }
        int digits = AsciiDigits.count(value);
        for (int i = digits - 1; i >= 0; i--) {
            writeByte((int) ('0' + (value / AsciiDigits.POWERS_OF_TEN[i]) % 10));
        }
        return this;
    }
}
