package io.weft.codec.resp;

/**
 * Limits of the RESP codecs, each mapped to the error Redis itself sends. Immutable; one instance can serve
 * every connection.
 *
 * @param maxBulkLength the longest bulk string a request may declare (Redis {@code proto-max-bulk-len});
 *     a longer declaration fails with {@code -ERR Protocol error: invalid bulk length}
 * @param maxMultibulkLength the most arguments a request may declare; more fails with
 *     {@code -ERR Protocol error: invalid multibulk length}. Redis's only rule is {@code INT_MAX}.
 * @param maxInlineLength the longest inline request line, and the most bytes buffered while waiting for
 *     the {@code '\r'} of a {@code *} or {@code $} count line (Redis {@code PROTO_INLINE_MAX_SIZE});
 *     beyond it {@code too big inline request}, {@code too big mbulk count string} or
 *     {@code too big bulk count string}
 */
public record RespLimits(long maxBulkLength, int maxMultibulkLength, int maxInlineLength) {

    /** Redis 7.0's defaults: 512 MiB bulks, {@code INT_MAX} arguments, 64 KiB inline lines. */
    public static final RespLimits DEFAULT = new RespLimits(512L * 1024 * 1024, Integer.MAX_VALUE, 64 * 1024);

    public RespLimits {
        if (maxBulkLength < 0) {
            throw new IllegalArgumentException("maxBulkLength must not be negative, was " + maxBulkLength);
        }
        if (maxMultibulkLength < 0) {
            throw new IllegalArgumentException("maxMultibulkLength must not be negative, was " + maxMultibulkLength);
        }
        if (maxInlineLength <= 0) {
            throw new IllegalArgumentException("maxInlineLength must be positive, was " + maxInlineLength);
        }
    }
}
