package io.weft.server.redis.pubsub;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.resp.RespVersion;
import io.weft.codec.resp.RespWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One published message, encoded at most once per protocol version and shared by every subscriber that
 * speaks it (each delivery copies the bytes into the subscriber's output, so sharing is safe).
 *
 * <pre>
 * message:   *3 $7 message  $n channel $m payload          (RESP3: &gt;3 ...)
 * pmessage:  *4 $8 pmessage $p pattern $n channel $m payload (RESP3: &gt;4 ...)
 * </pre>
 *
 * The two versions differ only in the aggregate's first byte, but each gets a buffer of its own so neither
 * is ever changed after it has been handed out. Used by one publishing thread only.
 */
final class MessageFrame {

    private static final byte[] MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PMESSAGE = "pmessage".getBytes(StandardCharsets.US_ASCII);

    private final byte[] pattern;
    private final byte[] channel;
    private final byte[] payload;
    private ByteBuffer resp2;
    private ByteBuffer resp3;

    private MessageFrame(byte[] pattern, byte[] channel, byte[] payload) {
        this.pattern = pattern;
        this.channel = channel;
        this.payload = payload;
    }

    /** A "message" frame, for subscribers of the channel itself. */
    static MessageFrame message(byte[] channel, byte[] payload) {
        return new MessageFrame(null, channel, payload);
    }

    /** A "pmessage" frame, for subscribers of a pattern that matched the channel. */
    static MessageFrame patternMessage(byte[] pattern, byte[] channel, byte[] payload) {
        return new MessageFrame(pattern, channel, payload);
    }

    /** The frame for a subscriber speaking {@code version}; do not change the buffer's position. */
    ByteBuffer bytes(RespVersion version) {
        if (version == RespVersion.RESP3) {
            if (resp3 == null) {
                resp3 = encode(version);
            }
            return resp3;
        }
        if (resp2 == null) {
            resp2 = encode(version);
        }
        return resp2;
    }

    private ByteBuffer encode(RespVersion version) {
        int size = 64 + channel.length + payload.length + (pattern == null ? 0 : pattern.length);
        ByteBufferSink sink = new ByteBufferSink(size);
        if (pattern == null) {
            RespWriter.pushHeader(sink, 3, version);
            RespWriter.bulk(sink, MESSAGE);
        } else {
            RespWriter.pushHeader(sink, 4, version);
            RespWriter.bulk(sink, PMESSAGE);
            RespWriter.bulk(sink, pattern);
        }
        RespWriter.bulk(sink, channel);
        RespWriter.bulk(sink, payload);
        return sink.written();
    }
}
