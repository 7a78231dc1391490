package io.weft.codec.resp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The two ways Redis 7.0 prints a double.
 *
 * <p>{@link #g17}: {@code printf("%.17g")}, used by {@code addReplyDouble} (ZSCORE, ZINCRBY, RESP3 doubles):
 * 17 significant digits of the exact binary value, rounded half to even, trailing zeros dropped,
 * scientific notation when the exponent is below -4 or at least 17. So 0.1 prints as
 * {@code 0.10000000000000001}, 1.5 as {@code 1.5}, 1e17 as {@code 1e+17}. Infinities print as
 * {@code inf}/{@code -inf} and NaN as {@code nan}.
 *
 * <p>{@link #human}: Redis's {@code ld2string(LD_STR_HUMAN)}, used by INCRBYFLOAT and HINCRBYFLOAT, is
 * {@code printf("%.17Lf")} of an 80-bit long double with trailing zeros (and a bare point) removed and
 * {@code -0} turned into {@code 0}. Java has no long double, so this takes the shortest decimal that reads
 * back as the same double (what {@link Double#toString} finds), rounds it to 17 places and trims it the
 * same way. That matches Redis whenever the long double result, rounded to 17 places, is that short
 * decimal, as it is for the usual short operands (10.5 + 0.1 prints {@code 10.6} in both); it differs
 * when Redis's extra 11 bits show (1.0/3 prints {@code 0.3333333333333333} here and
 * {@code 0.33333333333333333} in Redis) and for huge values, where Redis prints every binary digit's
 * decimal expansion and this prints the shortest digits followed by zeros.
 *
 * <p>Both allocate (BigDecimal), except for integral values, which callers write with
 * {@link io.weft.codec.ByteSink#writeAsciiLong} instead (see {@link #isPlainLong}).
 */
public final class RespDoubles {

    private static final MathContext SEVENTEEN_DIGITS = new MathContext(17, RoundingMode.HALF_EVEN);
    private static final byte[] INF = ascii("inf");
    private static final byte[] MINUS_INF = ascii("-inf");
    private static final byte[] NAN = ascii("nan");

    private RespDoubles() {
    }

    /**
     * Whether {@code value} prints, in both formats, exactly as the long it equals: integral, not
     * {@code -0.0}, and below 1e17 in magnitude so {@code %.17g} has not switched to an exponent.
     */
    public static boolean isPlainLong(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e17
                && !(value == 0 && Double.doubleToRawLongBits(value) != 0);
    }

    /** {@code %.17g} as Redis 7.0 prints it. */
    public static byte[] g17(double value) {
        byte[] special = special(value);
        if (special != null) {
            return special;
        }
        if (value == 0) {
            return ascii(Double.doubleToRawLongBits(value) == 0 ? "0" : "-0");
        }
        BigDecimal rounded = new BigDecimal(value).round(SEVENTEEN_DIGITS);
        String digits = stripTrailingZeros(rounded.unscaledValue().abs().toString());
        int exponent = rounded.precision() - 1 - rounded.scale();
        StringBuilder text = new StringBuilder(32);
        if (value < 0) {
            text.append('-');
        }
        if (exponent < -4 || exponent >= 17) {
            text.append(digits.charAt(0));
            if (digits.length() > 1) {
                text.append('.').append(digits, 1, digits.length());
            }
            text.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            text.append(magnitude < 10 ? "0" : "").append(magnitude);
        } else if (exponent >= 0) {
            if (digits.length() <= exponent + 1) {
                text.append(digits).append("0".repeat(exponent + 1 - digits.length()));
            } else {
                text.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
            }
        } else {
            text.append("0.").append("0".repeat(-exponent - 1)).append(digits);
        }
        return ascii(text.toString());
    }

    /** INCRBYFLOAT's human format; see the class comment for how it relates to Redis's. */
    public static byte[] human(double value) {
        byte[] special = special(value);
        if (special != null) {
            return special;
        }
        BigDecimal rounded = new BigDecimal(Double.toString(value)).setScale(17, RoundingMode.HALF_EVEN);
        if (rounded.signum() == 0) {
            return ascii("0");
        }
        return ascii(rounded.stripTrailingZeros().toPlainString());
    }

    private static byte[] special(double value) {
        if (Double.isNaN(value)) {
            return NAN;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? INF : MINUS_INF;
        }
        return null;
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
