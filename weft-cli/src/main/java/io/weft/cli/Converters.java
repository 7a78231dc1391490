package io.weft.cli;

import io.weft.codec.frame.Framing;
import io.weft.codec.resp.RespVersion;
import io.weft.loadgen.target.KeyPattern;
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

    /**
     * A latency limit: a number, fractions allowed, with ns, us (or µs), ms or s: "5ms", "0.5ms", "250us".
     * A bare number is refused: which unit?
     */
    static final class LatencyValue implements ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)(ns|us|µs|ms|s)");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new TypeConversionException(
                        "'" + value + "' is not a latency; use a number with ns, us, ms or s (e.g. 5ms, 250us)");
            }
            double nanosPerUnit = switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                default -> 1e9;
            };
            return Duration.ofNanos(Math.round(Double.parseDouble(m.group(1)) * nanosPerUnit));
        }
    }

    /** A rate in requests per second: "100000", "2500.5", "100k", "1.5M". */
    static final class RateValue implements ITypeConverter<Double> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,6})?)([km]?)");

        @Override
        public Double convert(String value) {
            Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
            double rate = m.matches() ? Double.parseDouble(m.group(1)) : 0;
            if (rate <= 0) {
                throw new TypeConversionException(
                        "'" + value + "' is not a rate; use a positive number of requests per second, optionally with k or M");
            }
            return rate * switch (m.group(2)) {
                case "k" -> 1e3;
                case "m" -> 1e6;
                default -> 1;
            };
        }
    }

    /** "sequential", "uniform" or "gaussian". */
    static final class KeyPatternName implements ITypeConverter<KeyPattern> {
        @Override
        public KeyPattern convert(String value) {
            try {
                return KeyPattern.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** "2" or "3". */
    static final class RespVersionNumber implements ITypeConverter<RespVersion> {
        @Override
        public RespVersion convert(String value) {
            return switch (value.trim()) {
                case "2" -> RespVersion.RESP2;
                case "3" -> RespVersion.RESP3;
                default -> throw new TypeConversionException("unknown RESP version '" + value + "'; expected 2 or 3");
            };
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
