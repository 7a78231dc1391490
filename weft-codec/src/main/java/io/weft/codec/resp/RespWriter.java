package io.weft.codec.resp;

import io.weft.codec.ByteSink;
import java.nio.ByteBuffer;

/**
 * Writes replies into a {@link ByteSink}, in RESP2 or RESP3 where the two differ. Stateless and
 * allocation-free, except for non-integral doubles (see {@link RespDoubles}).
 *
 * <pre>
 *                 RESP2                 RESP3
 * simple string   +OK\r\n               same
 * error           -ERR msg\r\n          same
 * integer         :42\r\n               same
 * bulk            $3\r\nfoo\r\n         same
 * null bulk       $-1\r\n               _\r\n
 * null array      *-1\r\n               _\r\n
 * map of n        *2n\r\n               %n\r\n
 * set of n        *n\r\n                ~n\r\n
 * push of n       *n\r\n                &gt;n\r\n
 * double          $4\r\n1.5\r\n         ,1.5\r\n
 * boolean         :1\r\n / :0\r\n       #t\r\n / #f\r\n
 * verbatim        $3\r\nabc\r\n         =7\r\ntxt:abc\r\n
 * </pre>
 */
public final class RespWriter {

    private RespWriter() {
    }

    /** {@code +text\r\n}. The text must not contain CR or LF (a simple string cannot carry them). */
    public static ByteSink simpleString(ByteSink sink, String text) {
        sink.writeByte('+');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("a simple string cannot contain CR or LF");
            }
            sink.writeByte(c);
        }
        return crlf(sink);
    }

    /**
     * {@code -message\r\n}, where {@code message} starts with the error code, e.g.
     * {@code "ERR unknown command 'foo'"}. Like Redis's {@code addReplyError}, CR and LF inside become
     * spaces so the reply stays one line. Characters are written as their low 8 bits.
     */
    public static ByteSink error(ByteSink sink, String message) {
        sink.writeByte('-');
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            sink.writeByte(c == '\r' || c == '\n' ? ' ' : c);
        }
        return crlf(sink);
    }

    /** {@code :value\r\n}. */
    public static ByteSink integer(ByteSink sink, long value) {
        sink.writeByte(':').writeAsciiLong(value);
        return crlf(sink);
    }

    public static ByteSink bulk(ByteSink sink, byte[] bytes) {
        return bulk(sink, bytes, 0, bytes.length);
    }

    /** {@code $length\r\n<bytes>\r\n}. */
    public static ByteSink bulk(ByteSink sink, byte[] bytes, int offset, int length) {
        sink.writeByte('$').writeAsciiLong(length);
        crlf(sink).writeBytes(bytes, offset, length);
        return crlf(sink);
    }

    /** A bulk string of the bytes between {@code bytes}' position and limit; the position is not moved. */
    public static ByteSink bulk(ByteSink sink, ByteBuffer bytes) {
        sink.writeByte('$').writeAsciiLong(bytes.remaining());
        crlf(sink).writeBytes(bytes);
        return crlf(sink);
    }

    /** A bulk string of a long's decimal digits, as Redis replies to GET of an integer-encoded value. */
    public static ByteSink bulk(ByteSink sink, long value) {
        int length = value == Long.MIN_VALUE ? 20 : value < 0 ? 1 + digits(-value) : digits(value);
        sink.writeByte('$').writeAsciiLong(length);
        crlf(sink).writeAsciiLong(value);
        return crlf(sink);
    }

    /** A request argument echoed back as a bulk string, without copying it out of the request. */
    public static ByteSink bulk(ByteSink sink, RespRequest request, int arg) {
        sink.writeByte('$').writeAsciiLong(request.argLength(arg));
        crlf(sink);
        request.writeArg(arg, sink);
        return crlf(sink);
    }

    /** The reply for a missing value: RESP2 {@code $-1}, RESP3 {@code _}. */
    public static ByteSink nullBulk(ByteSink sink, RespVersion version) {
        return (version == RespVersion.RESP3 ? RespConstant.NULL : RespConstant.NULL_BULK).writeTo(sink);
    }

    /** The reply for a missing aggregate: RESP2 {@code *-1}, RESP3 {@code _}. */
    public static ByteSink nullArray(ByteSink sink, RespVersion version) {
        return (version == RespVersion.RESP3 ? RespConstant.NULL : RespConstant.NULL_ARRAY).writeTo(sink);
    }

    /** {@code *count\r\n}; {@code count} elements must follow. */
    public static ByteSink arrayHeader(ByteSink sink, long count) {
        return header(sink, '*', count);
    }

    /** {@code %pairs\r\n} in RESP3; {@code *2pairs\r\n} (a flat key, value, ... array) in RESP2. */
    public static ByteSink mapHeader(ByteSink sink, long pairs, RespVersion version) {
        return version == RespVersion.RESP3 ? header(sink, '%', pairs) : header(sink, '*', 2 * pairs);
    }

    /** {@code ~count\r\n} in RESP3; an array header in RESP2. */
    public static ByteSink setHeader(ByteSink sink, long count, RespVersion version) {
        return header(sink, version == RespVersion.RESP3 ? '~' : '*', count);
    }

    /** {@code >count\r\n} in RESP3; an array header in RESP2 (pub/sub messages). */
    public static ByteSink pushHeader(ByteSink sink, long count, RespVersion version) {
        return header(sink, version == RespVersion.RESP3 ? '>' : '*', count);
    }

    /**
     * A double as Redis 7.0's {@code addReplyDouble} writes it: {@code %.17g}, {@code inf}, {@code -inf};
     * RESP3 {@code ,text\r\n}, RESP2 a bulk string of the same text.
     */
    public static ByteSink doubleReply(ByteSink sink, double value, RespVersion version) {
        if (RespDoubles.isPlainLong(value)) {
            return version == RespVersion.RESP3
                    ? crlf(sink.writeByte(',').writeAsciiLong((long) value))
                    : bulk(sink, (long) value);
        }
        byte[] text = RespDoubles.g17(value);
        if (version == RespVersion.RESP3) {
            sink.writeByte(',').writeBytes(text);
            return crlf(sink);
        }
        return bulk(sink, text);
    }

    /**
     * A double in Redis's human format, as INCRBYFLOAT and HINCRBYFLOAT reply (always a bulk string, in both
     * versions): {@code 10.5}, {@code 3000}, trailing zeros removed. See {@link RespDoubles} for how this
     * approximates Redis's long double arithmetic.
     */
    public static ByteSink humanDoubleBulk(ByteSink sink, double value) {
        if (RespDoubles.isPlainLong(value) || value == 0) {
            return bulk(sink, (long) value);
        }
        return bulk(sink, RespDoubles.human(value));
    }

    /** RESP3 {@code #t}/{@code #f}; RESP2 {@code :1}/{@code :0}. */
    public static ByteSink booleanReply(ByteSink sink, boolean value, RespVersion version) {
        if (version == RespVersion.RESP3) {
            sink.writeByte('#').writeByte(value ? 't' : 'f');
            return crlf(sink);
        }
        return (value ? RespConstant.ONE : RespConstant.ZERO).writeTo(sink);
    }

    /**
     * RESP3 {@code =length\r\nfmt:text\r\n} with a three-letter format such as {@code "txt"} or
     * {@code "mkd"}; RESP2 a plain bulk string of {@code text}.
     */
    public static ByteSink verbatim(ByteSink sink, String format, byte[] text, RespVersion version) {
        if (version == RespVersion.RESP2) {
            return bulk(sink, text);
        }
        if (format.length() != 3) {
            throw new IllegalArgumentException("a verbatim format is three characters, was '" + format + "'");
        }
        sink.writeByte('=').writeAsciiLong(text.length + 4L);
        crlf(sink);
        for (int i = 0; i < 3; i++) {
            sink.writeByte(format.charAt(i));
        }
        sink.writeByte(':').writeBytes(text);
        return crlf(sink);
    }

    /** Appends a pre-encoded reply. */
    public static ByteSink writeConstant(ByteSink sink, RespConstant constant) {
        return constant.writeTo(sink);
    }

    /** A client command: a multibulk of bulk strings, the form every Redis client sends. */
    public static ByteSink command(ByteSink sink, byte[]... args) {
        arrayHeader(sink, args.length);
        for (byte[] arg : args) {
            bulk(sink, arg);
        }
        return sink;
    }

    private static ByteSink header(ByteSink sink, char type, long count) {
        sink.writeByte(type).writeAsciiLong(count);
        return crlf(sink);
    }

    private static ByteSink crlf(ByteSink sink) {
        return sink.writeByte('\r').writeByte('\n');
    }

    private static int digits(long nonNegative) {
        int n = 1;
        for (long v = nonNegative; v >= 10; v /= 10) {
            n++;
        }
        return n;
    }
}
