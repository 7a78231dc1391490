package io.weft.jmh;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.Codec;
import io.weft.codec.Decoder;
import io.weft.codec.Encoder;
import io.weft.codec.ProtocolException;
import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the framing codecs, one operation = one message decoded or encoded.
 *
 * <p>Decoding walks a buffer pre-filled with {@value #FRAMES} encoded messages, the way an engine walks
 * its read buffer after a large read, and rewinds it every invocation. The buffer is direct, like an
 * engine's socket read buffer, and it is the same object every time, so the decoders reuse their one view
 * and {@code -prof gc} should report about 0 B/op. RAW has no boundaries of its own: there each "read"
 * delivers exactly one payload, by moving the limit.
 *
 * <p>Encoding writes {@value #FRAMES} messages into a {@link ByteBufferSink} that is cleared, never
 * regrown, between invocations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class FrameCodecBenchmark {

    static final int FRAMES = 64;

    @Param({"RAW", "LINE", "LENGTH"})
    Framing framing;

    @Param({"64", "1024"})
    int payloadSize;

    private Decoder<ByteBuffer> decoder;
    private Encoder<? super ByteBuffer> encoder;
    private ByteBuffer payload;
    private ByteBuffer input;
    /** The input's limit while message {@code i} is decoded: the end of the data "read" so far. */
    private int[] readEnds;
    private ByteBufferSink sink;

    @Setup
    public void setUp() {
        Codec<ByteBuffer, ByteBuffer> codec = framing.codec(FrameLimits.DEFAULT);
        decoder = codec.newDecoder();
        encoder = codec.encoder();
        payload = ByteBuffer.wrap(printable(payloadSize));

        ByteBufferSink wire = new ByteBufferSink(FRAMES * (payloadSize + 8));
        readEnds = new int[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            encoder.encode(payload, wire);
            readEnds[i] = wire.size();
        }
        ByteBuffer written = wire.written();
        input = ByteBuffer.allocateDirect(written.remaining()).put(written).flip();
        if (framing != Framing.RAW) {
            Arrays.fill(readEnds, input.limit());
        }
        sink = new ByteBufferSink(FRAMES * (payloadSize + 8));
        checkDecodesEveryFrame();
    }

    /** A decoder that returned "need more" here would make the benchmark measure nothing. */
    private void checkDecodesEveryFrame() {
        try {
            input.position(0);
            for (int i = 0; i < FRAMES; i++) {
                input.limit(readEnds[i]);
                ByteBuffer message = decoder.decode(input);
                if (message == null || message.remaining() != payloadSize) {
                    throw new IllegalStateException(framing + " did not decode frame " + i);
                }
            }
        } catch (ProtocolException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Letters only, so a payload is also a valid line. */
    private static byte[] printable(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void decode(Blackhole blackhole) throws ProtocolException {
        ByteBuffer in = input;
        int[] ends = readEnds;
        in.position(0);
        for (int i = 0; i < FRAMES; i++) {
            in.limit(ends[i]);
            blackhole.consume(decoder.decode(in));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public ByteBufferSink encode() {
        ByteBufferSink out = sink;
        out.clear();
        for (int i = 0; i < FRAMES; i++) {
            encoder.encode(payload, out);
        }
        return out;
    }
}
