package io.weft.codec.http;

import io.weft.codec.Decoder;
import io.weft.codec.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Client side of HTTP/1.1 (RFC 9112): decodes the responses a server sends, one whole response per call.
 *
 * <pre>
 *   HTTP/1.1 200 OK\r\n                  status-line = HTTP-version SP status-code SP [ reason-phrase ]
 *   Content-Length: 5\r\n                field-line  = field-name ":" OWS field-value OWS
 *   \r\n                                 end of the header section
 *   hello                                body: Content-Length bytes, or chunked:
 *
 *   5;ext=1\r\n hello\r\n  0\r\n  Trailer: x\r\n  \r\n
 *   chunk-size [ext] CRLF  data CRLF   last-chunk   trailer section   end
 * </pre>
 *
 * <p>A response has no body when it is 1xx, 204 or 304, or answers a HEAD request (say so with
 * {@code headRequests}); otherwise it needs {@code Transfer-Encoding: chunked} or a {@code Content-Length}.
 * A body that only the connection's end delimits cannot be framed by a push decoder that never sees the
 * end, so it is refused, as are a response carrying both framings (a smuggling sign, RFC 9112 §6.3) and
 * transfer codings other than chunked. Bare LF ends a line as CRLF does (RFC 9112 §2.2); folded header
 * lines are refused.
 *
 * <p>Nothing is consumed until a response is whole; the decoder remembers how far it has scanned, as
 * offsets from the response's first byte, so resuming is linear and the caller may move the unread bytes
 * (compact its buffer) between calls. The returned {@link HttpResponse} is one reused view; a chunked
 * body is gathered into a buffer the decoder keeps and grows, within {@link HttpLimits#maxBodyLength()}.
 */
public final class HttpResponseDecoder implements Decoder<HttpResponse> {

    private enum State { STATUS_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private static final int NO_LENGTH = -1;
    private static final int NO_BODY = -1;

    private final HttpLimits limits;
    private final boolean headRequests;
    private final HttpResponse response;
    private final ByteBuffer empty = ByteBuffer.allocate(0);

    private State state = State.STATUS_LINE;
    /** Where the element being decoded starts, counted from the response's first byte. */
    private int offset;
    /** Bytes before this offset were already searched for a line end. */
    private int scanned;
    private long contentLength = NO_LENGTH;
    private boolean closeToken;
    private boolean keepAliveToken;
    /** Where a Content-Length body starts, or {@link #NO_BODY}. */
    private int bodyStart = NO_BODY;
    private int trailerStart;
    private int trailerCount;
    private long chunkRemaining;
    private byte[] chunks = new byte[0];
    private int chunksLength;
    private ByteBuffer chunksView = empty;
    private ByteBuffer inputSource;
    private ByteBuffer inputView;

    /** A decoder for responses to requests other than HEAD. */
    public HttpResponseDecoder(HttpLimits limits) {
        this(limits, false);
    }

    /**
     * @param headRequests whether every request on this connection is HEAD, so no response has a body
     *     whatever its Content-Length says
     */
    public HttpResponseDecoder(HttpLimits limits, boolean headRequests) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.headRequests = headRequests;
        this.response = new HttpResponse(limits.maxHeaderCount());
    }

    @Override
    public HttpResponse decode(ByteBuffer in) throws ProtocolException {
        int base = in.position();
        int available = in.limit() - base;
        while (state != State.DONE) {
            boolean progressed = switch (state) {
                case STATUS_LINE -> decodeStatusLine(in, base, available);
                case HEADERS -> decodeHeaderLine(in, base, available);
                case FIXED_BODY -> decodeFixedBody(available);
                case CHUNK_SIZE -> decodeChunkSize(in, base, available);
                case CHUNK_DATA -> decodeChunkData(in, base, available);
                case CHUNK_END -> decodeChunkEnd(in, base, available);
                case TRAILERS -> decodeTrailerLine(in, base, available);
                case DONE -> true;
            };
            if (!progressed) {
                return null;
            }
        }
        return complete(in, base);
    }

    @Override
    public boolean hasPartialMessage() {
        return state != State.STATUS_LINE || scanned > 0;
    }

    private boolean decodeStatusLine(ByteBuffer in, int base, int available) throws ProtocolException {
        int lf = findLineFeed(in, base, available, limits.maxHeaderBytes(), "status line and headers");
        if (lf < 0) {
            return false;
        }
        int start = base + offset;
        int end = base + lineContentEnd(in, base, lf);
        // "HTTP/1.x NNN" is 12 bytes; the reason phrase after it is optional.
        if (end - start < 12 || !startsWithVersion(in, start) || in.get(start + 8) != ' '
                || (end - start > 12 && in.get(start + 12) != ' ')) {
            throw new ProtocolException("malformed status line");
        }
        int minor = in.get(start + 7) - '0';
        if (minor != 0 && minor != 1) {
            throw new ProtocolException("unsupported HTTP version 1." + (char) in.get(start + 7));
        }
        int status = 0;
        for (int i = start + 9; i < start + 12; i++) {
            int digit = in.get(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new ProtocolException("malformed status code");
            }
            status = status * 10 + digit;
        }
        if (status < 100) {
            throw new ProtocolException("status code below 100: " + status);
        }
        response.minorVersion = minor;
        response.status = status;
        response.reasonStart = Math.min(offset + 13, end - base);
        response.reasonEnd = end - base;
        response.fieldCount = 0;
        response.chunked = false;
        chunksLength = 0;
        offset = lf + 1;
        state = State.HEADERS;
        return true;
    }

    private static boolean startsWithVersion(ByteBuffer in, int at) {
        return in.get(at) == 'H' && in.get(at + 1) == 'T' && in.get(at + 2) == 'T' && in.get(at + 3) == 'P'
                && in.get(at + 4) == '/' && in.get(at + 5) == '1' && in.get(at + 6) == '.';
    }

    private boolean decodeHeaderLine(ByteBuffer in, int base, int available) throws ProtocolException {
        int lf = findLineFeed(in, base, available, limits.maxHeaderBytes(), "status line and headers");
        if (lf < 0) {
            return false;
        }
        int start = base + offset;
        int end = base + lineContentEnd(in, base, lf);
        offset = lf + 1;
        if (start == end) {
            headersDone();
            return true;
        }
        if (response.fieldCount == limits.maxHeaderCount()) {
            throw new ProtocolException("more than " + limits.maxHeaderCount() + " header fields");
        }
        int colon = fieldColon(in, start, end);
        int valueStart = colon + 1;
        while (valueStart < end && isWhitespace(in.get(valueStart))) {
            valueStart++;
        }
        int valueEnd = end;
        while (valueEnd > valueStart && isWhitespace(in.get(valueEnd - 1))) {
            valueEnd--;
        }
        int[] f = response.fields;
        int i = response.fieldCount++ * 4;
        f[i] = start - base;
        f[i + 1] = colon - base;
        f[i + 2] = valueStart - base;
        f[i + 3] = valueEnd - base;
        interpretField(in, start, colon, valueStart, valueEnd);
        return true;
    }

    /** Notes the fields that frame the body or decide the connection's fate. */
    private void interpretField(ByteBuffer in, int name, int nameEnd, int value, int valueEnd)
            throws ProtocolException {
        if (Ascii.equalsIgnoreCase(in, name, nameEnd, Ascii.CONTENT_LENGTH)) {
            long length = parseContentLength(in, value, valueEnd);
            if (contentLength != NO_LENGTH && contentLength != length) {
                throw new ProtocolException("conflicting Content-Length fields");
            }
            contentLength = length;
        } else if (Ascii.equalsIgnoreCase(in, name, nameEnd, Ascii.TRANSFER_ENCODING)) {
            if (response.chunked || !Ascii.equalsIgnoreCase(in, value, valueEnd, Ascii.CHUNKED)) {
                throw new ProtocolException("unsupported transfer coding (only a single \"chunked\" is)");
            }
            response.chunked = true;
        } else if (Ascii.equalsIgnoreCase(in, name, nameEnd, Ascii.CONNECTION)) {
            closeToken |= Ascii.containsToken(in, value, valueEnd, Ascii.CLOSE);
            keepAliveToken |= Ascii.containsToken(in, value, valueEnd, Ascii.KEEP_ALIVE);
        }
    }

    private long parseContentLength(ByteBuffer in, int from, int to) throws ProtocolException {
        if (from == to || to - from > 18) {
            throw new ProtocolException("malformed Content-Length");
        }
        long length = 0;
        for (int i = from; i < to; i++) {
            int digit = in.get(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new ProtocolException("malformed Content-Length");
            }
            length = length * 10 + digit;
        }
        if (length > limits.maxBodyLength()) {
            throw new ProtocolException("body of " + length + " bytes exceeds " + limits.maxBodyLength());
        }
        return length;
    }

    private void headersDone() throws ProtocolException {
        int status = response.status;
        response.keepAlive = !closeToken && (response.minorVersion == 1 || keepAliveToken);
        if (status < 200 || status == 204 || status == 304 || headRequests) {
            state = State.DONE; // no body, whatever the framing fields say (RFC 9112 §6.3, rules 1 and 2)
        } else if (response.chunked) {
            if (contentLength != NO_LENGTH) {
                throw new ProtocolException("both Transfer-Encoding and Content-Length");
            }
            state = State.CHUNK_SIZE;
        } else if (contentLength != NO_LENGTH) {
            bodyStart = offset;
            state = State.FIXED_BODY;
        } else {
            throw new ProtocolException("response with neither Content-Length nor chunked coding");
        }
    }

    private boolean decodeFixedBody(int available) {
        if (available - bodyStart < contentLength) {
            return false;
        }
        offset = bodyStart + (int) contentLength;
        state = State.DONE;
        return true;
    }

    private boolean decodeChunkSize(ByteBuffer in, int base, int available) throws ProtocolException {
        int lf = findLineFeed(in, base, available, offset + limits.maxChunkLineLength() + 2, "chunk-size line");
        if (lf < 0) {
            return false;
        }
        int start = base + offset;
        int end = base + lineContentEnd(in, base, lf);
        long size = 0;
        int i = start;
        for (; i < end; i++) {
            int digit = Character.digit(in.get(i), 16);
            if (digit < 0) {
                break;
            }
            if (i - start == 15) {
                throw new ProtocolException("chunk size too long");
            }
            size = size << 4 | digit;
        }
        // Chunk extensions (";name=value", after optional whitespace) are allowed and ignored.
        if (i == start || (i < end && in.get(i) != ';' && !isWhitespace(in.get(i)))) {
            throw new ProtocolException("malformed chunk size");
        }
        offset = lf + 1;
        if (size == 0) {
            trailerStart = offset;
            trailerCount = 0;
            state = State.TRAILERS;
            return true;
        }
        if (size > limits.maxBodyLength() - chunksLength) {
            throw new ProtocolException("chunked body exceeds " + limits.maxBodyLength() + " bytes");
        }
        ensureChunkCapacity(chunksLength + (int) size);
        chunkRemaining = size;
        state = State.CHUNK_DATA;
        return true;
    }

    private void ensureChunkCapacity(int needed) {
        if (needed > chunks.length) {
            byte[] grown = new byte[(int) Math.min(limits.maxBodyLength(), Math.max(needed, 2L * chunks.length))];
            System.arraycopy(chunks, 0, grown, 0, chunksLength);
            chunks = grown;
            chunksView = ByteBuffer.wrap(chunks);
        }
    }

    /** Copies what has arrived of the chunk; the copy is never repeated, since {@code offset} moves past it. */
    private boolean decodeChunkData(ByteBuffer in, int base, int available) {
        int n = (int) Math.min(chunkRemaining, available - offset);
        in.get(base + offset, chunks, chunksLength, n);
        chunksLength += n;
        offset += n;
        chunkRemaining -= n;
        if (chunkRemaining > 0) {
            return false;
        }
        state = State.CHUNK_END;
        return true;
    }

    private boolean decodeChunkEnd(ByteBuffer in, int base, int available) throws ProtocolException {
        if (available - offset < 1) {
            return false;
        }
        byte first = in.get(base + offset);
        int length = first == '\r' ? 2 : 1;
        if (available - offset < length) {
            return false;
        }
        if (in.get(base + offset + length - 1) != '\n') {
            throw new ProtocolException("chunk data not followed by CRLF");
        }
        offset += length;
        scanned = offset;
        state = State.CHUNK_SIZE;
        return true;
    }

    private boolean decodeTrailerLine(ByteBuffer in, int base, int available) throws ProtocolException {
        int lf = findLineFeed(in, base, available, trailerStart + limits.maxHeaderBytes(), "trailer section");
        if (lf < 0) {
            return false;
        }
        int start = base + offset;
        int end = base + lineContentEnd(in, base, lf);
        offset = lf + 1;
        if (start == end) {
            state = State.DONE;
            return true;
        }
        if (++trailerCount > limits.maxHeaderCount()) {
            throw new ProtocolException("more than " + limits.maxHeaderCount() + " trailer fields");
        }
        fieldColon(in, start, end); // validated, then dropped: no trailer changes how a reply is checked
        return true;
    }

    private HttpResponse complete(ByteBuffer in, int base) {
        ByteBuffer body;
        if (response.chunked && chunksLength > 0) {
            body = chunksView.limit(chunksLength).position(0);
        } else if (bodyStart != NO_BODY) {
            body = inputView(in, base + bodyStart, base + offset);
        } else {
            body = empty;
        }
        response.aim(in, base, body);
        in.position(base + offset);
        state = State.STATUS_LINE;
        offset = 0;
        scanned = 0;
        contentLength = NO_LENGTH;
        closeToken = false;
        keepAliveToken = false;
        bodyStart = NO_BODY;
        return response;
    }

    /** A view on the caller's input; one duplicate per input buffer object, re-aimed for every response. */
    private ByteBuffer inputView(ByteBuffer in, int start, int end) {
        if (in != inputSource) {
            inputSource = in;
            inputView = in.duplicate();
        }
        return inputView.limit(end).position(start);
    }

    /**
     * The offset of the LF ending the line that starts at {@code offset}, or -1 when it has not arrived.
     *
     * @param bound the line, LF included, must end at or before this offset
     */
    private int findLineFeed(ByteBuffer in, int base, int available, int bound, String what)
            throws ProtocolException {
        int to = Math.min(available, bound);
        for (int i = Math.max(scanned, offset); i < to; i++) {
            if (in.get(base + i) == '\n') {
                scanned = i + 1;
                return i;
            }
        }
        if (available >= bound) {
            throw new ProtocolException(what + " longer than " + (what.startsWith("chunk")
                    ? limits.maxChunkLineLength() : limits.maxHeaderBytes()) + " bytes");
        }
        scanned = to;
        return -1;
    }

    /** Where the content of the line ending in the LF at {@code lf} ends: before a CR just ahead of it. */
    private int lineContentEnd(ByteBuffer in, int base, int lf) {
        return lf > offset && in.get(base + lf - 1) == '\r' ? lf - 1 : lf;
    }

    /** Checks a field line's name (a non-empty token right before the colon) and returns the colon's index. */
    private static int fieldColon(ByteBuffer in, int start, int end) throws ProtocolException {
        int i = start;
        while (i < end && Ascii.isTokenChar(in.get(i))) {
            i++;
        }
        if (i == start || i == end || in.get(i) != ':') {
            throw new ProtocolException(isWhitespace(in.get(start)) ? "folded header line" : "malformed header line");
        }
        for (int j = i + 1; j < end; j++) {
            byte b = in.get(j);
            if (b == '\r' || b == 0) {
                throw new ProtocolException("CR or NUL in a header value");
            }
        }
        return i;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }
}
