package io.weft.jmh;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.resp.RespConstant;
import io.weft.codec.resp.RespLimits;
import io.weft.codec.resp.RespProtocolException;
import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespRequestDecoder;
import io.weft.codec.resp.RespVersion;
import io.weft.codec.resp.RespWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the RESP server codec, one operation = one request decoded or one reply encoded.
 *
 * <p>Decoding walks a direct buffer pre-filled with {@value #COMMANDS} pipelined requests, alternating
 * {@code SET key:i <64-byte value>} and {@code GET key:i} as redis-benchmark sends them, and rewinds it every
 * invocation. It is the same buffer object every time, so the decoder reuses its request flyweight and
 * {@code -prof gc} should report about 0 B/op. Each decoded request is touched the way a command table
 * would (name matched, key length read) so the work cannot be optimised away.
 *
 * <p>{@code decodeWithLookahead} is the same with a decoder that parses pipelines ahead
 * ({@link RespRequestDecoder.Lookahead}), whose lookahead hashes every key the way the server's key
 * prefetch does; the hash is remembered, so reading it again when the command runs costs nothing. It too
 * should allocate nothing.
 *
 * <p>Encoding writes the replies those commands get (+OK, a 64-byte bulk, a null bulk, an integer) into
 * a {@link ByteBufferSink} that is cleared, never regrown, between invocations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class RespCodecBenchmark {

    static final int COMMANDS = 64;
    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);

    private final RespRequestDecoder decoder = new RespRequestDecoder();
    private int hashes;
    private final RespRequestDecoder lookaheadDecoder = new RespRequestDecoder(
            RespLimits.DEFAULT, (requests, count) -> {
                for (int i = 0; i < count; i++) {
                    hashes += requests[i].argHash(1);
                }
            });
    private ByteBuffer input;
    private byte[] value;
    private ByteBufferSink sink;

    @Setup
    public void setUp() throws RespProtocolException {
        value = "v".repeat(64).getBytes(StandardCharsets.US_ASCII);
        ByteBufferSink wire = new ByteBufferSink(COMMANDS * 128);
        for (int i = 0; i < COMMANDS; i++) {
            byte[] key = ("key:" + i).getBytes(StandardCharsets.US_ASCII);
            if (i % 2 == 0) {
                RespWriter.command(wire, SET, key, value);
            } else {
                RespWriter.command(wire, "GET".getBytes(StandardCharsets.US_ASCII), key);
            }
        }
        ByteBuffer written = wire.written();
        input = ByteBuffer.allocateDirect(written.remaining()).put(written).flip();
        sink = new ByteBufferSink(COMMANDS * 128);
        checkDecodesEveryCommand();
    }

    /** A decoder that returned "need more" here would make the benchmark measure nothing. */
    private void checkDecodesEveryCommand() throws RespProtocolException {
        input.position(0);
        for (int i = 0; i < COMMANDS; i++) {
            RespRequest request = decoder.decode(input);
            if (request == null || request.argc() != (i % 2 == 0 ? 3 : 2)) {
                throw new IllegalStateException("did not decode command " + i);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public void decode(Blackhole blackhole) throws RespProtocolException {
        ByteBuffer in = input;
        in.position(0);
        for (int i = 0; i < COMMANDS; i++) {
            RespRequest request = decoder.decode(in);
            blackhole.consume(request.argEqualsIgnoreCase(0, SET));
            blackhole.consume(request.argLength(1));
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public void decodeWithLookahead(Blackhole blackhole) throws RespProtocolException {
        ByteBuffer in = input;
        in.position(0);
        for (int i = 0; i < COMMANDS; i++) {
            RespRequest request = lookaheadDecoder.decode(in);
            blackhole.consume(request.argEqualsIgnoreCase(0, SET));
            blackhole.consume(request.argHash(1));
        }
        blackhole.consume(hashes);
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public ByteBufferSink encode() {
        ByteBufferSink out = sink;
        out.clear();
        for (int i = 0; i < COMMANDS; i += 4) {
            RespConstant.OK.writeTo(out);
            RespWriter.bulk(out, value);
            RespWriter.nullBulk(out, RespVersion.RESP2);
            RespWriter.integer(out, i);
        }
        return out;
    }
}
