package io.weft.codec.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.nio.ByteBuffer;

/**
 * One decoded HTTP/1.x response, as a view. The decoder hands out the same object every time, re-aimed at
 * the latest response: it is valid until the next {@code decode} call or until the caller changes the
 * input buffer, whichever comes first. The {@code String} accessors allocate and are meant for tests and
 * diagnostics; the hot path reads {@link #status()}, {@link #keepAlive()} and {@link #body()}.
 */
public final class HttpResponse {

    private ByteBuffer source;
    private int base;
    int minorVersion;
    int status;
    int reasonStart;
    int reasonEnd;
    /** Per field: name start, name end, value start, value end; offsets from {@link #base}. */
    final int[] fields;
    int fieldCount;
    boolean keepAlive;
    boolean chunked;
    private ByteBuffer body;

    HttpResponse(int maxFields) {
        this.fields = new int[maxFields * 4];
    }

    void aim(ByteBuffer in, int messageStart, ByteBuffer bodyView) {
        this.source = in;
        this.base = messageStart;
        this.body = bodyView;
    }

    /** 0 for HTTP/1.0, 1 for HTTP/1.1. */
    public int minorVersion() {
        return minorVersion;
    }

    /** The three-digit status code. */
    public int status() {
        return status;
    }

    /** Whether this is an interim 1xx response, which a final response to the same request follows. */
    public boolean informational() {
        return status < 200;
    }

    /**
     * Whether the server keeps the connection open after this response: HTTP/1.1 unless it sent
     * {@code Connection: close}, HTTP/1.0 only when it sent {@code Connection: keep-alive}.
     */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** Whether the body came in chunked transfer coding (it is then returned de-chunked). */
    public boolean chunked() {
        return chunked;
    }

    /**
     * The body, without framing: a view on the input for a Content-Length body, on the decoder's own
     * buffer for a chunked one. Empty when there is none. Same lifetime as this response.
     */
    public ByteBuffer body() {
        return body;
    }

    /** The reason phrase, possibly empty. Allocates. */
    public String reason() {
        return text(reasonStart, reasonEnd);
    }

    /** Number of header fields, in the order received. */
    public int headerCount() {
        return fieldCount;
    }

    /** Name of header field {@code i}, as sent. Allocates. */
    public String headerName(int i) {
        return text(fields[i * 4], fields[i * 4 + 1]);
    }

    /** Value of header field {@code i}, without surrounding whitespace. Allocates. */
    public String headerValue(int i) {
        return text(fields[i * 4 + 2], fields[i * 4 + 3]);
    }

    /** The value of the first field named {@code name} (case-insensitive), or null. Allocates. */
    public String header(String name) {
        for (int i = 0; i < fieldCount; i++) {
            if (headerName(i).equalsIgnoreCase(name)) {
                return headerValue(i);
            }
        }
        return null;
    }

    private String text(int start, int end) {
        byte[] bytes = new byte[end - start];
        source.get(base + start, bytes);
        return new String(bytes, ISO_8859_1);
    }

    @Override
    public String toString() {
        return "HTTP/1." + minorVersion + " " + status + " (" + fieldCount + " header fields, "
                + body.remaining() + "-byte body" + (chunked ? ", chunked" : "") + (keepAlive ? "" : ", close") + ")";
    }
}
