package io.weft.codec.http;

/**
 * Limits of the HTTP/1.1 response decoder. Immutable; one instance can serve every connection. A response
 * that breaks one is a {@link io.weft.codec.ProtocolException} and costs its connection, as a server's
 * 431 or 413 would cost a request.
 *
 * @param maxHeaderBytes  the longest status line plus header section, blank line included; the same bound
 *     applies to a chunked body's trailer section
 * @param maxHeaderCount  the most header fields in one response (and trailer fields after a chunked body)
 * @param maxChunkLineLength the longest chunk-size line, extensions included
 * @param maxBodyLength   the longest body, whether declared by Content-Length or summed over chunks
 */
public record HttpLimits(int maxHeaderBytes, int maxHeaderCount, int maxChunkLineLength, long maxBodyLength) {

    /** 8 KiB of headers in at most 100 fields (nginx's and Netty's usual bounds), 64 MiB bodies. */
    public static final HttpLimits DEFAULT = new HttpLimits(8 * 1024, 100, 1024, 64L * 1024 * 1024);

    public HttpLimits {
        if (maxHeaderBytes < 16) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 16, was " + maxHeaderBytes);
        }
        if (maxHeaderCount < 0) {
            throw new IllegalArgumentException("maxHeaderCount must not be negative, was " + maxHeaderCount);
        }
        if (maxChunkLineLength < 3) {
            throw new IllegalArgumentException("maxChunkLineLength must be at least 3, was " + maxChunkLineLength);
        }
        if (maxBodyLength < 0 || maxBodyLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyLength must be from 0 to 2^31 - 9, was " + maxBodyLength);
        }
    }
}
