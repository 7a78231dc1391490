package io.weft.loadgen.target;

import io.weft.codec.ByteSink;
import io.weft.codec.Codec;
import io.weft.codec.Decoder;
import io.weft.codec.Encoder;
import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.loadgen.spi.ReplyChecker;
import io.weft.loadgen.spi.RequestWriter;
import io.weft.loadgen.spi.Target;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;

/**
 * Echo over raw, line or length framing ({@code weft bench echo}): every request is a message of a fixed
 * size carrying its sequence number (see {@link EchoPayload}), and its reply must be the same bytes. The
 * token of a request is its sequence number on the connection, from which the checker rebuilds the
 * expected reply.
 */
public final class EchoTarget implements Target<ByteBuffer> {

    private final Framing framing;
    private final int size;
    private final Codec<ByteBuffer, ByteBuffer> codec;

    /**
     * @param framing how messages are delimited on the wire
     * @param size    bytes per message, before framing
     * @throws IllegalArgumentException if {@code size} is below 1
     */
    public EchoTarget(Framing framing, int size) {
        this.framing = Objects.requireNonNull(framing, "framing");
        if (size < 1) {
            throw new IllegalArgumentException("message size must be at least 1 byte: " + size);
        }
        this.size = size;
        // Raise the frame limit when needed, so that our own echoed messages are never rejected as too long.
        this.codec = framing.codec(new FrameLimits(Math.max(size, FrameLimits.DEFAULT.maxFrameLength())));
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "echo, %s framing, %d-byte messages", framing.id(), size);
    }

    @Override
    public Decoder<ByteBuffer> newDecoder() {
        return codec.newDecoder();
    }

    @Override
    public RequestWriter newWriter(int index) {
        return new SequenceWriter(new EchoPayload(size), codec.encoder());
    }

    /**
     * Raw framing has no message boundaries, so its replies are cut by length; the other framings deliver
     * whole frames.
     */
    @Override
    public ReplyChecker<ByteBuffer> newChecker(int index) {
        return framing == Framing.RAW ? new EchoStreamChecker(size) : new EchoFrameChecker(size);
    }

    /** Writes payloads 0, 1, 2, ... and gives each its sequence number as token. */
    private static final class SequenceWriter implements RequestWriter {

        private final EchoPayload payload;
        private final Encoder<? super ByteBuffer> encoder;
        private long sequence;

        SequenceWriter(EchoPayload payload, Encoder<? super ByteBuffer> encoder) {
            this.payload = payload;
            this.encoder = encoder;
        }

        @Override
        public long writeRequest(ByteSink out) {
            long token = sequence++;
            encoder.encode(payload.of(token), out);
            return token;
        }
    }
}
