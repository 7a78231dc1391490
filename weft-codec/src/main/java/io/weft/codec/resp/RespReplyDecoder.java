package io.weft.codec.resp;

import io.weft.codec.Decoder;
import io.weft.codec.resp.RespValue.Entry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Decodes server replies, RESP2 and RESP3, into {@link RespValue}s. For clients and tests, not for the
 * server's hot path: values are built as fresh objects.
 *
 * <pre>
 * +OK\r\n   -ERR x\r\n   :1\r\n   $3\r\nfoo\r\n   $-1\r\n   *2\r\n:1\r\n:2\r\n   *-1\r\n
 * _\r\n   ,1.5\r\n   #t\r\n   (12345678901234567890\r\n   !3\r\nerr\r\n   =7\r\ntxt:abc\r\n
 * %1\r\n+k\r\n:1\r\n   ~1\r\n:1\r\n   &gt;2\r\n+a\r\n+b\r\n   |1\r\n+key\r\n+val\r\n:42\r\n
 * </pre>
 *
 * <p>Incremental: a {@link ReplyScanner} first finds where the reply ends, remembering its progress
 * between calls (relative to the position, so the caller may compact), and only a complete reply is built.
 * Nesting is built with an explicit stack, so a deeply nested reply cannot overflow the thread's stack.
 * Limits come from {@link RespLimits}: bulk lengths, aggregate counts and line lengths. Streamed (RESP3
 * {@code ?}) aggregates are not supported.
 */
public final class RespReplyDecoder implements Decoder<RespValue> {

    private final RespLimits limits;
    private final ReplyScanner scanner;

    public RespReplyDecoder(RespLimits limits) {
        this.limits = limits;
        this.scanner = new ReplyScanner(limits);
    }

    public RespReplyDecoder() {
        this(RespLimits.DEFAULT);
    }

    @Override
    public RespValue decode(ByteBuffer in) throws RespProtocolException {
        int start = in.position();
        int length = scanner.scan(in, start, in.limit());
        if (length < 0) {
            return null;
        }
        RespValue value = build(in, start, start + length);
        in.position(start + length);
        return value;
    }

    @Override
    public boolean hasPartialMessage() {
        return scanner.inProgress();
    }

    /**
     * The length in bytes of the complete reply at {@code in}'s position, or -1 when it has not all arrived.
     * Builds nothing and does not move the position: differential tests use it to cut raw replies apart.
     */
    public static int frameLength(ByteBuffer in) throws RespProtocolException {
        return new ReplyScanner(RespLimits.DEFAULT).scan(in, in.position(), in.limit());
    }

    /** An aggregate being filled. */
    private record Open(byte type, int expected, List<RespValue> items) { }

    private RespValue build(ByteBuffer in, int from, int end) throws RespProtocolException {
        Deque<Open> stack = new ArrayDeque<>();
        int p = from;
        while (true) {
            int cr = ReplyScanner.lineEnd(in, p, end, limits.maxInlineLength());
            byte type = in.get(p);
            RespValue value;
            int next = cr + 2;
            switch (type) {
                case '*', '~', '>', '%', '|' -> {
                    long count = RespNumbers.toLong(in, p + 1, cr - p - 1);
                    p = next;
                    if (count == -1) {
                        value = RespValue.NullValue.INSTANCE;
                        break;
                    }
                    int expected = (int) (type == '%' || type == '|' ? 2 * count : count);
                    if (expected > 0 || type == '|') {
                        stack.push(new Open(type, expected, new ArrayList<>(Math.min(expected, 1024))));
                        continue;
                    }
                    value = aggregate(type, List.of());
                }
                case '$', '!', '=' -> {
                    long length = RespNumbers.toLong(in, p + 1, cr - p - 1);
                    if (length == -1) {
                        value = RespValue.NullValue.INSTANCE;
                        p = next;
                        break;
                    }
                    byte[] payload = new byte[(int) length];
                    in.get(next, payload);
                    value = blob(type, payload);
                    p = next + payload.length + 2;
                }
                default -> {
                    value = scalar(type, text(in, p + 1, cr));
                    p = next;
                }
            }
            RespValue done = attach(stack, value);
            if (done != null) {
                return done;
            }
        }
    }

    /** Adds {@code value} to the innermost open aggregate, closing those it completes; the reply if done. */
    private static RespValue attach(Deque<Open> stack, RespValue value) {
        while (!stack.isEmpty()) {
            Open top = stack.peek();
            if (top.type() == '|' && top.items().size() == top.expected()) {
                stack.pop();
                value = new RespValue.Attributed(entries(top.items()), value);
                continue;
            }
            top.items().add(value);
            if (top.items().size() < top.expected() || top.type() == '|') {
                return null;
            }
            stack.pop();
            value = aggregate(top.type(), top.items());
        }
        return value;
    }

    private static RespValue aggregate(byte type, List<RespValue> items) {
        return switch (type) {
            case '~' -> new RespValue.SetValue(List.copyOf(items));
            case '>' -> new RespValue.PushValue(List.copyOf(items));
            case '%' -> new RespValue.MapValue(entries(items));
            default -> new RespValue.ArrayValue(List.copyOf(items));
        };
    }

    private static List<Entry> entries(List<RespValue> flat) {
        List<Entry> entries = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i < flat.size(); i += 2) {
            entries.add(new Entry(flat.get(i), flat.get(i + 1)));
        }
        return List.copyOf(entries);
    }

    private static RespValue blob(byte type, byte[] payload) throws RespProtocolException {
        if (type == '!') {
            return new RespValue.BlobError(payload);
        }
        if (type == '=') {
            if (payload.length < 4 || payload[3] != ':') {
                throw RespProtocolException.reply("verbatim string without a format");
            }
            byte[] text = java.util.Arrays.copyOfRange(payload, 4, payload.length);
            return new RespValue.Verbatim(new String(payload, 0, 3, StandardCharsets.US_ASCII), text);
        }
        return new RespValue.BulkString(payload);
    }

    private static RespValue scalar(byte type, String line) throws RespProtocolException {
        return switch (type) {
            case '+' -> new RespValue.SimpleString(line);
            case '-' -> new RespValue.ErrorValue(line);
            case ':' -> new RespValue.IntegerValue(parseLong(line));
            case ',' -> new RespValue.DoubleValue(parseDouble(line));
            case '(' -> new RespValue.BigNumber(checkBigNumber(line));
            case '#' -> switch (line) {
                case "t" -> new RespValue.BooleanValue(true);
                case "f" -> new RespValue.BooleanValue(false);
                default -> throw RespProtocolException.reply("invalid boolean '" + line + "'");
            };
            case '_' -> {
                if (!line.isEmpty()) {
                    throw RespProtocolException.reply("null with content");
                }
                yield RespValue.NullValue.INSTANCE;
            }
            default -> throw new IllegalStateException("scanner let type through: " + type);
        };
    }

    private static long parseLong(String line) throws RespProtocolException {
        ByteBuffer digits = ByteBuffer.wrap(line.getBytes(StandardCharsets.ISO_8859_1));
        if (!RespNumbers.isLong(digits, 0, digits.limit())) {
            throw RespProtocolException.reply("invalid integer '" + line + "'");
        }
        return RespNumbers.toLong(digits, 0, digits.limit());
    }

    private static double parseDouble(String line) throws RespProtocolException {
        switch (line) {
            case "inf", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan", "-nan" -> {
                return Double.NaN;
            }
            default -> { }
        }
        ByteBuffer text = ByteBuffer.wrap(line.getBytes(StandardCharsets.ISO_8859_1));
        double value = RespNumbers.toDouble(text, 0, text.limit());
        if (Double.isNaN(value)) {
            throw RespProtocolException.reply("invalid double '" + line + "'");
        }
        return value;
    }

    private static String checkBigNumber(String line) throws RespProtocolException {
        int from = line.startsWith("-") || line.startsWith("+") ? 1 : 0;
        if (from == line.length() || !line.substring(from).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw RespProtocolException.reply("invalid big number '" + line + "'");
        }
        return line;
    }

    private static String text(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
