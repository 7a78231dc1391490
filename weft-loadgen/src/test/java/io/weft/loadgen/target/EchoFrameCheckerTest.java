package io.weft.loadgen.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.Decoder;
import io.weft.codec.ProtocolException;
import io.weft.codec.frame.Framing;
import io.weft.loadgen.spi.ReplyChecker;
import io.weft.loadgen.spi.RequestWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Framed echo: the target's own writer produces the requests, a "server" sends some of them back, and the
 * reply stream goes through the target's decoder into {@link EchoFrameChecker}, split at every byte.
 */
class EchoFrameCheckerTest {

    private static final int SIZE = 24;

    /** The wire form of requests 0..count-1, one array each, as the target's writer encodes them. */
    private static List<byte[]> requests(Framing framing, int count) {
        RequestWriter writer = new EchoTarget(framing, SIZE).newWriter(0);
        List<byte[]> wire = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ByteBufferSink sink = new ByteBufferSink(64);
            assertThat(writer.writeRequest(sink)).isEqualTo(i);
            ByteBuffer b = sink.written();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            wire.add(bytes);
        }
        return wire;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteBufferSink sink = new ByteBufferSink(256);
        parts.forEach(sink::writeBytes);
        ByteBuffer b = sink.written();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    /** Feeds {@code stream}, cut at {@code cut}, through a decoder into a checker waiting on 0..sent-1. */
    private static List<String> check(Framing framing, byte[] stream, int sent, int cut) throws ProtocolException {
        EchoTarget target = new EchoTarget(framing, SIZE);
        Decoder<ByteBuffer> decoder = target.newDecoder();
        ReplyChecker<ByteBuffer> checker = target.newChecker(0);
        RecordingReplies replies = new RecordingReplies();
        for (long t = 0; t < sent; t++) {
            replies.send(t);
        }
        ByteBuffer in = ByteBuffer.allocate(stream.length);
        byte[][] pieces = {Arrays.copyOfRange(stream, 0, cut), Arrays.copyOfRange(stream, cut, stream.length)};
        for (byte[] piece : pieces) {
            in.put(piece).flip();
            for (ByteBuffer frame; (frame = decoder.decode(in)) != null; ) {
                assertThat(checker.onMessage(frame, replies)).isTrue();
            }
            in.compact();
        }
        return replies.outcomes;
    }

    private static void assertVerdicts(Framing framing, byte[] stream, int sent, List<String> expected)
            throws ProtocolException {
        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(check(framing, stream, sent, cut)).as("%s split at %d", framing, cut).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Framing.class, names = {"LINE", "LENGTH"})
    void correctEchoesAreOk(Framing framing) throws ProtocolException {
        assertThat(new EchoTarget(framing, SIZE).newChecker(0)).isInstanceOf(EchoFrameChecker.class);
        List<byte[]> sent = requests(framing, 3);
        assertVerdicts(framing, concat(sent), 3, List.of("ok", "ok", "ok"));
    }

    @ParameterizedTest
    @EnumSource(value = Framing.class, names = {"LINE", "LENGTH"})
    void lostRepeatedAndReorderedEchoesAreMismatches(Framing framing) throws ProtocolException {
        List<byte[]> r = requests(framing, 4);
        assertVerdicts(framing, concat(List.of(r.get(0), r.get(2), r.get(3))), 4,
                List.of("ok", "mismatch", "mismatch"));
        assertVerdicts(framing, concat(List.of(r.get(0), r.get(0), r.get(1))), 3,
                List.of("ok", "mismatch", "mismatch"));
        assertVerdicts(framing, concat(List.of(r.get(1), r.get(0), r.get(2))), 3,
                List.of("mismatch", "mismatch", "ok"));
    }

    @ParameterizedTest
    @EnumSource(value = Framing.class, names = {"LINE", "LENGTH"})
    void aWrongByteFailsThatEchoOnly(Framing framing) throws ProtocolException {
        List<byte[]> r = requests(framing, 3);
        byte[] second = r.get(1).clone();
        second[framing == Framing.LENGTH ? 4 + 20 : 20] ^= 1; // a payload byte, not the framing
        assertVerdicts(framing, concat(List.of(r.get(0), second, r.get(2))), 3,
                List.of("ok", "mismatch", "ok"));
    }

    @Test
    void aFrameOfTheWrongLengthIsAMismatch() {
        EchoFrameChecker checker = new EchoFrameChecker(SIZE);
        RecordingReplies replies = new RecordingReplies(0, 1);
        ByteBuffer exact = new EchoPayload(SIZE).of(0);
        assertThat(checker.onMessage(exact.duplicate().limit(SIZE - 1), replies)).isTrue();
        ByteBuffer longer = ByteBuffer.allocate(SIZE + 1).put(new EchoPayload(SIZE).of(1)).put((byte) 'x').flip();
        assertThat(checker.onMessage(longer, replies)).isTrue();
        assertThat(replies.outcomes).containsExactly("mismatch", "mismatch");
    }

    @Test
    void aFrameNobodyAskedForBreaksTheConnection() {
        EchoFrameChecker checker = new EchoFrameChecker(SIZE);
        assertThat(checker.onMessage(new EchoPayload(SIZE).of(0), new RecordingReplies())).isFalse();
    }
}
