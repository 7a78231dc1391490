package io.weft.cli;

import io.weft.codec.frame.Framing;
import io.weft.transport.Engine;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line value parsers. Each turns a bad value into a {@link TypeConversionException}, which
 * picocli reports as a usage error naming the option.
 */
final class Converters {

    private Converters() {
    }

    /** "500ms", "60s", "2m", "1h", or "0" for off. A bare number other than 0 is refused: which unit? */
    static final class DurationValue implements ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("0")) {
                return Duration.ZERO;
            }
            Matcher m = FORM.matcher(v);
            if (!m.matches()) {
                throw new TypeConversionException(
                        "'" + value + "' is not a duration; use a whole number with ms, s, m or h (e.g. 60s), or 0");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }

    /**
     * A byte count: "1048576", "64KiB", "16MiB", "1GiB" (units are powers of 1024, any case). Decimal
     * "kb"/"mb" are refused because tools disagree on whether they mean 1000 or 1024.
     */
    static final class ByteSize implements ITypeConverter<Integer> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,10})(kib|mib|gib)?");

        @Override
        public Integer convert(String value) {
            Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new TypeConversionException(
                        "'" + value + "' is not a byte size; use bytes or a whole number with KiB, MiB or GiB");
            }
            int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
                case "kib" -> 10;
                case "mib" -> 20;
                default -> 30;
            };
            long count = Long.parseLong(m.group(1));
            if (count > (Integer.MAX_VALUE >> shift)) {
                throw new TypeConversionException("'" + value + "' is too large; at most 2147483647 bytes");
            }
            return (int) (count << shift);
        }
    }

    /** "vthread" or "loop". */
    static final class EngineName implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            try {
                return Engine.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown engine '" + value + "'; expected vthread or loop");
            }
        }
    }

    /** "raw", "line" or "length". */
    static final class FramingName implements ITypeConverter<Framing> {
        @Override
        public Framing convert(String value) {
            try {
                return Framing.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
