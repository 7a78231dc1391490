package io.weft.codec;

import java.nio.charset.StandardCharsets;

/** Helpers for writing and reading decimal numbers in place, without going through {@code String}. */
public final class AsciiDigits {

    static final long[] POWERS_OF_TEN = new long[19];
    static final byte[] LONG_MIN_VALUE = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private AsciiDigits() {
    }

    /** Number of decimal digits in a non-negative {@code value}; 1 for zero. */
    public static int count(long value) {
        int n = 1;
        while (n < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[n]) {
            n++;
        }
        return n;
    }
}
