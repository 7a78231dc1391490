package io.weft.codec.resp;

import io.weft.codec.Decoder;
import java.nio.ByteBuffer;

/**
 * Decodes client requests the way Redis 7.0's {@code processMultibulkBuffer} and
 * {@code processInlineBuffer} do, byte for byte, errors included.
 *
 * <pre>
 * multibulk:  *&lt;argc&gt;\r\n  then argc times  $&lt;len&gt;\r\n &lt;len bytes, binary&gt; \r\n
 *             *2\r\n$3\r\nGET\r\n$3\r\nkey\r\n
 * inline:     anything not starting with '*', up to '\n' (a '\r' before it is dropped),
 *             split like a shell line: GET "my key"\r\n      (see InlineSplitter)
 * </pre>
 *
 * <p>Like Redis: a count line ends at its first {@code '\r'}, and the byte after it, like the two bytes
 * after a bulk payload, is skipped without being checked. {@code *0}, {@code *-1} and empty inline lines
 * are requests Redis silently ignores; the decoder consumes them (the position moves past them even when
 * it then returns "need more", so a peer sending only blank lines cannot fill the buffer) and goes on to
 * the next request.
 *
 * <p>Incremental: the arguments parsed so far are remembered as offsets relative to the request's first
 * byte, which is the input's position as long as this decoder returns "need more", so a huge request
 * arriving in pieces is parsed once, and the caller may compact or copy its buffer between calls. Nothing
 * is allocated from a declared length: a {@code $1000000000} header costs nothing until the bytes come.
 *
 * <p>Errors ({@link RespProtocolException#reply()} is what Redis sends before closing):
 * <ul>
 *   <li>{@code invalid multibulk length}: count not an integer, or above {@link RespLimits#maxMultibulkLength()}</li>
 *   <li>{@code too big mbulk count string} / {@code too big bulk count string}: more than
 *       {@link RespLimits#maxInlineLength()} bytes buffered and no {@code '\r'} among them</li>
 *   <li>{@code expected '$', got 'x'}: an argument header does not start with {@code '$'}</li>
 *   <li>{@code invalid bulk length}: length not an integer, negative, or above {@link RespLimits#maxBulkLength()}</li>
 *   <li>{@code too big inline request}: an inline line longer than {@link RespLimits#maxInlineLength()}
 *       (not counting its line end; Redis counts whatever it buffered, which depends on how the bytes
 *       were split into reads)</li>
 *   <li>{@code unbalanced quotes in request}: see {@link InlineSplitter}</li>
 * </ul>
 *
 * <p><b>Lookahead.</b> Built with a {@link Lookahead}, the decoder parses, after each request it
 * completes, the whole requests that follow it in the same input (up to {@link #MAX_LOOKAHEAD}), shows
 * them all to the lookahead at once, and then returns them one per call without parsing them again. A
 * server uses this to start the memory loads of a pipeline's keys together rather than one after another,
 * as Redis 8 prefetches the keys of a batch of commands. What the caller sees does not change: one request
 * per call, the position advanced past exactly that request, errors thrown only when the request before
 * them has been returned. A request parsed ahead is parsed again from scratch if it turns out to be
 * incomplete or malformed, and queued requests are used only while the caller passes the same buffer
 * with the position where the decoder left it; any other call drops them.
 *
 * <p>One instance per connection. It returns the same {@link RespRequest} every time, or with a
 * lookahead one of a small ring of them; either way each is valid until the next call.
 */
public final class RespRequestDecoder implements Decoder<RespRequest> {

    private enum State { START, INLINE, COUNT, BULK_LENGTH, BULK }

    private enum Step { NEED_MORE, CONTINUE, COMPLETE, SKIP }

    /** {@link #findLineEnd} results besides an index. */
    private static final int NO_CR = -1;
    private static final int CR_AT_END = -2;

    /** The most requests one lookahead pass shows at once, the first one included. */
    public static final int MAX_LOOKAHEAD = 16;

    /** Sees each run of whole requests parsed together, before the first of them is returned. */
    @FunctionalInterface
    public interface Lookahead {

        /**
         * Called with {@code count} (at least 1) requests in arrival order. They must not be changed or
         * kept; they are valid until this method returns (and each again while it is returned).
         */
        void ahead(RespRequest[] requests, int count);
    }

    private final RespLimits limits;
    private final Lookahead lookahead;
    /** {@code ring[0]} is made at once, the rest when a pipeline first needs them. */
    private final RespRequest[] ring;
    /** The request being parsed: {@code ring[0]}, or a later slot while parsing ahead. */
    private RespRequest request;
    /** Requests parsed ahead: {@code ring[next..queued)}, each ending at {@code ends[i]}. */
    private int queued;
    private int next;
    private final int[] ends;
    /** The input the queue was parsed from, and the position the caller must come back with. */
    private ByteBuffer queueSource;
    private int queueMark;
    private State state = State.START;
    /** Bytes of the current request consumed so far, from the input's position. */
    private int parsed;
    /** Bytes of the current line, from its start, already known to hold no terminator. */
    private int scanned;
    private int remainingArgs;
    private long bulkLength;

    public RespRequestDecoder(RespLimits limits) {
        this(limits, null);
    }

    /** A decoder that parses ahead and shows each run of requests to {@code lookahead} (see the class note). */
    public RespRequestDecoder(RespLimits limits, Lookahead lookahead) {
        this.limits = limits;
        this.lookahead = lookahead;
        this.ring = new RespRequest[lookahead == null ? 1 : MAX_LOOKAHEAD];
        this.ring[0] = new RespRequest();
        this.ends = new int[ring.length];
        this.request = ring[0];
    }

    public RespRequestDecoder() {
        this(RespLimits.DEFAULT);
    }

    @Override
    public RespRequest decode(ByteBuffer in) throws RespProtocolException {
        if (next < queued) {
            if (in == queueSource && in.position() == queueMark) {
                RespRequest queuedRequest = ring[next];
                queueMark = ends[next++];
                in.position(queueMark);
                return queuedRequest;
            }
            dropQueue();
        }
        RespRequest first = decodeOne(in);
        if (first != null && lookahead != null) {
            lookahead.ahead(ring, 1 + parseAhead(in));
        }
        return first;
    }

    /**
     * Parses the whole requests after the one just returned into {@code ring[1..]}, queues them and
     * returns how many, leaving {@code in}'s position where it was. Stops at the first request that is
     * incomplete or malformed and forgets what it parsed of it, so that one is parsed afresh, and throws
     * its error, only once everything before it has been returned.
     */
    private int parseAhead(ByteBuffer in) {
        int mark = in.position();
        int count = 0;
        try {
            while (count + 1 < ring.length && in.hasRemaining()) {
                if (ring[count + 1] == null) {
                    ring[count + 1] = new RespRequest();
                }
                request = ring[count + 1];
                if (decodeOne(in) == null) {
                    break;
                }
                ends[count + 1] = in.position();
                count++;
            }
        } catch (RespProtocolException e) {
            // Thrown again, in order, when the caller reaches this request.
        } finally {
            request = ring[0];
            state = State.START;
            parsed = 0;
            scanned = 0;
            in.position(mark);
        }
        queued = count + 1;
        next = 1;
        queueSource = in;
        queueMark = mark;
        if (count == 0) {
            dropQueue();
        }
        return count;
    }

    private void dropQueue() {
        queued = 0;
        next = 0;
        queueSource = null;
    }

    private RespRequest decodeOne(ByteBuffer in) throws RespProtocolException {
        while (true) {
            int start = in.position();
            int end = in.limit();
            Step step = switch (state) {
                case START -> decodeStart(in, start, end);
                case INLINE -> decodeInline(in, start, end);
                case COUNT -> decodeCount(in, start, end);
                case BULK_LENGTH -> decodeBulkLength(in, start, end);
                case BULK -> decodeBulk(in, start, end);
            };
            switch (step) {
                case NEED_MORE -> {
                    return null;
                }
                case CONTINUE -> { }
                case SKIP -> finish(in, start);
                case COMPLETE -> {
                    finish(in, start);
                    return request;
                }
            }
        }
    }

    /** True while part of a request has been seen, or whole ones parsed ahead, but not yet returned. */
    @Override
    public boolean hasPartialMessage() {
        return state != State.START || next < queued;
    }

    private void finish(ByteBuffer in, int start) {
        in.position(start + parsed);
        state = State.START;
        parsed = 0;
        scanned = 0;
    }

    private Step decodeStart(ByteBuffer in, int start, int end) {
        if (start == end) {
            return Step.NEED_MORE;
        }
        state = in.get(start) == '*' ? State.COUNT : State.INLINE;
        return Step.CONTINUE;
    }

    private Step decodeInline(ByteBuffer in, int start, int end) throws RespProtocolException {
        int newline = indexOf(in, start + scanned, end, '\n');
        if (newline < 0) {
            scanned = end - start;
            int pending = end - start;
            if (in.get(end - 1) == '\r') {
                pending--; // may be half of the line's CRLF
            }
            if (pending > limits.maxInlineLength()) {
                throw RespProtocolException.request("Protocol error: too big inline request");
            }
            return Step.NEED_MORE;
        }
        int lineEnd = newline > start && in.get(newline - 1) == '\r' ? newline - 1 : newline;
        if (lineEnd - start > limits.maxInlineLength()) {
            throw RespProtocolException.request("Protocol error: too big inline request");
        }
        request.clear();
        if (!InlineSplitter.split(in, start, lineEnd, request)) {
            throw RespProtocolException.request("Protocol error: unbalanced quotes in request");
        }
        parsed = newline + 1 - start;
        if (request.argc() == 0) {
            return Step.SKIP;
        }
        request.bindInline();
        return Step.COMPLETE;
    }

    private Step decodeCount(ByteBuffer in, int start, int end) throws RespProtocolException {
        int cr = findLineEnd(in, start, end);
        if (cr < 0) {
            if (cr == NO_CR && end - start > limits.maxInlineLength()) {
                throw RespProtocolException.request("Protocol error: too big mbulk count string");
            }
            return Step.NEED_MORE;
        }
        int digits = cr - start - 1;
        if (!RespNumbers.isLong(in, start + 1, digits)
                || RespNumbers.toLong(in, start + 1, digits) > limits.maxMultibulkLength()) {
            throw RespProtocolException.request("Protocol error: invalid multibulk length");
        }
        long count = RespNumbers.toLong(in, start + 1, digits);
        parsed = cr + 2 - start;
        if (count <= 0) {
            return Step.SKIP;
        }
        remainingArgs = (int) count;
        request.clear();
        state = State.BULK_LENGTH;
        return Step.CONTINUE;
    }

    private Step decodeBulkLength(ByteBuffer in, int start, int end) throws RespProtocolException {
        int lineStart = start + parsed;
        int cr = findLineEnd(in, lineStart, end);
        if (cr < 0) {
            if (cr == NO_CR && end - lineStart > limits.maxInlineLength()) {
                throw RespProtocolException.request("Protocol error: too big bulk count string");
            }
            return Step.NEED_MORE;
        }
        byte marker = in.get(lineStart);
        if (marker != '$') {
            throw RespProtocolException.request("Protocol error: expected '$', got '" + printable(marker) + "'");
        }
        int digits = cr - lineStart - 1;
        long length = RespNumbers.isLong(in, lineStart + 1, digits) ? RespNumbers.toLong(in, lineStart + 1, digits) : -1;
        if (length < 0 || length > limits.maxBulkLength()) {
            throw RespProtocolException.request("Protocol error: invalid bulk length");
        }
        bulkLength = length;
        parsed = cr + 2 - start;
        state = State.BULK;
        return Step.CONTINUE;
    }

    private Step decodeBulk(ByteBuffer in, int start, int end) {
        int payload = start + parsed;
        if (end - payload < bulkLength + 2) {
            return Step.NEED_MORE;
        }
        request.addArg(parsed, (int) bulkLength);
        parsed += (int) bulkLength + 2;
        if (--remainingArgs > 0) {
            state = State.BULK_LENGTH;
            return Step.CONTINUE;
        }
        request.bindMultibulk(in, start);
        return Step.COMPLETE;
    }

    /**
     * The index of the first {@code '\r'} from {@code lineStart} when at least one byte follows it (Redis's
     * test for a whole line), else {@link #NO_CR} or {@link #CR_AT_END}. Remembers how far it looked.
     */
    private int findLineEnd(ByteBuffer in, int lineStart, int end) {
        int cr = indexOf(in, lineStart + scanned, end, '\r');
        if (cr < 0) {
            scanned = end - lineStart;
            return NO_CR;
        }
        if (cr + 1 == end) {
            scanned = cr - lineStart;
            return CR_AT_END;
        }
        scanned = 0;
        return cr;
    }

    private static int indexOf(ByteBuffer in, int from, int end, char b) {
        for (int i = from; i < end; i++) {
            if (in.get(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** Redis prints the byte with {@code %c}, then turns CR and LF into spaces to keep the reply one line. */
    private static char printable(byte b) {
        return b == '\r' || b == '\n' ? ' ' : (char) (b & 0xff);
    }
}
