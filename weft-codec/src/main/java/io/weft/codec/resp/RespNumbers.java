package io.weft.codec.resp;

import java.nio.ByteBuffer;

/**
 * Redis's number rules, applied in place to bytes in a buffer (absolute indices, no allocation on the
 * common paths).
 *
 * <ul>
 *   <li>Integers follow {@code string2ll}: an optional {@code '-'}, then {@code "0"} alone or a digit 1-9
 *       followed by digits, nothing else, fitting in a signed 64-bit value. So {@code "+1"}, {@code "01"},
 *       {@code "-0"}, {@code " 1"} and {@code "1 "} are all rejected, and so is anything of 21 or more
 *       bytes.</li>
 *   <li>Doubles follow {@code string2d}/{@code string2ld}: whatever C's {@code strtod} consumes completely
 *       (an optional sign, decimal or {@code 0x} hexadecimal digits with optional point and exponent,
 *       {@code inf}/{@code infinity} in any case), except a leading space, NaN, and overflow or underflow to
 *       zero ({@code ERANGE}). Redis parses {@code INCRBYFLOAT} operands as 80-bit long doubles; here they
 *       are doubles, so values between {@code Double.MAX_VALUE} and the long double maximum are rejected
 *       rather than accepted.</li>
 * </ul>
 */
public final class RespNumbers {

    /** {@code LONG_STR_SIZE} in Redis: 20 characters plus a sign is the most a long can need. */
    private static final int MAX_LONG_CHARS = 20;
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private RespNumbers() {
    }

    /** Whether {@code bytes} is an integer by {@code string2ll}'s rules (a stored value, say, for INCR). */
    public static boolean isLong(byte[] bytes) {
        return isLong(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    /** {@code bytes} as a long; call only when {@link #isLong(byte[])} holds. */
    public static long toLong(byte[] bytes) {
        return toLong(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    /** {@code bytes} as a double by {@code string2d}'s rules, or NaN when it is not one. */
    public static double toDouble(byte[] bytes) {
        return toDouble(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    /** Whether {@code [offset, offset + length)} is an integer by {@code string2ll}'s rules. */
    static boolean isLong(ByteBuffer in, int offset, int length) {
        if (length == 0 || length > MAX_LONG_CHARS) {
            return false;
        }
        if (length == 1 && in.get(offset) == '0') {
            return true;
        }
        int i = offset;
        int end = offset + length;
        boolean negative = in.get(i) == '-';
        if (negative && ++i == end) {
            return false;
        }
        byte first = in.get(i);
        if (first < '1' || first > '9') {
            return false;
        }
        // Accumulate negatively, like Long.parseLong, so Long.MIN_VALUE needs no special case.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long value = 0;
        for (; i < end; i++) {
            int digit = in.get(i) - '0';
            if (digit < 0 || digit > 9 || value < limit / 10) {
                return false;
            }
            value *= 10;
            if (value < limit + digit) {
                return false;
            }
            value -= digit;
        }
        return true;
    }

    /** The value of a range {@link #isLong} accepted. */
    static long toLong(ByteBuffer in, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = in.get(i) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        for (; i < end; i++) {
            value = value * 10 - (in.get(i) - '0');
        }
        return negative ? value : -value;
    }

    /**
     * The value of {@code [offset, offset + length)} by {@code string2d}'s rules, or {@code NaN} when it is
     * not a number (NaN itself is never accepted, so it is free to mean "invalid").
     */
    static double toDouble(ByteBuffer in, int offset, int length) {
        if (length == 0) {
            return Double.NaN;
        }
        int i = offset;
        int end = offset + length;
        byte sign = in.get(i);
        boolean negative = sign == '-';
        if (negative || sign == '+') {
            i++;
        }
        if (i == end) {
            return Double.NaN;
        }
        byte c = in.get(i);
        if (c == 'i' || c == 'I') {
            return infinity(in, i, end, negative);
        }
        if (c == '0' && i + 1 < end && (in.get(i + 1) | 0x20) == 'x') {
            return slowPath(in, offset, length, true);
        }
        return decimal(in, offset, i, end, negative);
    }

    private static double infinity(ByteBuffer in, int from, int end, boolean negative) {
        int length = end - from;
        if ((length == 3 && regionEqualsIgnoreCase(in, from, "inf"))
                || (length == 8 && regionEqualsIgnoreCase(in, from, "infinity"))) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    /** Validates {@code digits [. digits] [e [sign] digits]} and computes it exactly when that is cheap. */
    private static double decimal(ByteBuffer in, int offset, int from, int end, boolean negative) {
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        boolean nonZero = false;
        int i = from;
        for (; i < end; i++) {
            byte c = in.get(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c >= '0' && c <= '9') {
                digits++;
                nonZero |= c != '0';
                if (significant > 0 || c != '0') {
                    significant++;
                    if (significant <= 18) {
                        mantissa = mantissa * 10 + (c - '0');
                    }
                }
                if (point) {
                    scale--;
                }
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < end) {
            int afterExponent = exponentEnd(in, i, end);
            if (afterExponent != end) {
                return Double.NaN;
            }
            if (end - i > 6) {
                return slowPath(in, offset, end - offset, nonZero);
            }
            exponent = (int) toLongLenient(in, i + 1, end);
        }
        int power = scale + exponent;
        if (significant <= 15 && power >= -22 && power <= 22) {
            double value = power >= 0 ? mantissa * EXACT_POWERS_OF_TEN[power] : mantissa / EXACT_POWERS_OF_TEN[-power];
            return negative ? -value : value;
        }
        return slowPath(in, offset, end - offset, nonZero);
    }

    /** The end of a valid {@code e[sign]digits} starting at {@code from}, or -1. */
    private static int exponentEnd(ByteBuffer in, int from, int end) {
        if ((in.get(from) | 0x20) != 'e') {
            return -1;
        }
        int i = from + 1;
        if (i < end && (in.get(i) == '+' || in.get(i) == '-')) {
            i++;
        }
        int digitsFrom = i;
        while (i < end && in.get(i) >= '0' && in.get(i) <= '9') {
            i++;
        }
        return i > digitsFrom ? i : -1;
    }

    private static long toLongLenient(ByteBuffer in, int from, int end) {
        boolean negative = in.get(from) == '-';
        int i = in.get(from) == '+' || negative ? from + 1 : from;
        long value = 0;
        for (; i < end; i++) {
            value = value * 10 + (in.get(i) - '0');
        }
        return negative ? -value : value;
    }

    /**
     * Long mantissas, large exponents and hexadecimal: validate, then let the JDK round correctly. Allocates;
     * commands rarely see such operands.
     */
    private static double slowPath(ByteBuffer in, int offset, int length, boolean nonZero) {
        StringBuilder text = new StringBuilder(length + 2);
        for (int i = 0; i < length; i++) {
            text.append((char) (in.get(offset + i) & 0xff));
        }
        String s = text.toString();
        boolean hex = s.indexOf('x') >= 0 || s.indexOf('X') >= 0;
        if (hex) {
            if (!validHex(s)) {
                return Double.NaN;
            }
            nonZero = hexNonZero(s);
            if (s.indexOf('p') < 0 && s.indexOf('P') < 0) {
                s = s + "p0";
            }
        }
        double value = Double.parseDouble(s);
        if (Double.isInfinite(value) || (value == 0 && nonZero)) {
            return Double.NaN; // ERANGE: overflow, or underflow all the way to zero
        }
        return value;
    }

    /** {@code [sign] 0x hexdigits [. hexdigits] [p [sign] digits]} with at least one hex digit. */
    private static boolean validHex(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        i += 2; // "0x", checked by the caller
        int digits = 0;
        boolean point = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (Character.digit(c, 16) >= 0) {
                digits++;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if ((s.charAt(i) | 0x20) != 'p') {
            return false;
        }
        i++;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int from = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > from && i == s.length();
    }

    private static boolean hexNonZero(String s) {
        int p = Math.max(s.indexOf('p'), s.indexOf('P'));
        String mantissa = p < 0 ? s : s.substring(0, p);
        int start = mantissa.indexOf('x') >= 0 ? mantissa.indexOf('x') + 1 : mantissa.indexOf('X') + 1;
        for (int i = start; i < mantissa.length(); i++) {
            char c = mantissa.charAt(i);
            if (c != '0' && c != '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean regionEqualsIgnoreCase(ByteBuffer in, int from, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if (Ascii.toLower(in.get(from + i)) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
