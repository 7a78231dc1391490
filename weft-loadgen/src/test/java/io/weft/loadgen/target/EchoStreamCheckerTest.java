package io.weft.loadgen.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Raw echo: the checker sees the reply stream cut anywhere, so every case is fed at every split point and
 * one byte at a time, and must give the same verdicts each way.
 */
class EchoStreamCheckerTest {

    private static final int SIZE = 20;

    /** The echoes of requests {@code tokens}, back to back, as a correct server would send them. */
    private static byte[] echoes(long... tokens) {
        EchoPayload payload = new EchoPayload(SIZE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long t : tokens) {
            ByteBuffer b = payload.of(t);
            out.write(b.array(), 0, b.remaining());
        }
        return out.toByteArray();
    }

    /** Feeds {@code stream} in the given pieces to a fresh checker waiting on requests 0..sent-1. */
    private static List<String> check(byte[] stream, int sent, int... cuts) {
        EchoStreamChecker checker = new EchoStreamChecker(SIZE);
        RecordingReplies replies = new RecordingReplies();
        for (long t = 0; t < sent; t++) {
            replies.send(t);
        }
        int from = 0;
        List<Integer> ends = new ArrayList<>();
        for (int c : cuts) {
            ends.add(c);
        }
        ends.add(stream.length);
        for (int to : ends) {
            // A piece inside a larger buffer, as an engine's read buffer would hold it.
            ByteBuffer in = ByteBuffer.wrap(stream).position(from).limit(to).slice();
            assertThat(checker.onMessage(in, replies)).isTrue();
            assertThat(in.hasRemaining()).isFalse();
            from = to;
        }
        return replies.outcomes;
    }

    /** Checks that every two-piece split and the byte-by-byte feed give {@code expected}. */
    private static void assertVerdicts(byte[] stream, int sent, List<String> expected) {
        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(check(stream, sent, cut)).as("split at %d", cut).isEqualTo(expected);
        }
        int[] everyByte = new int[stream.length];
        for (int i = 0; i < stream.length; i++) {
            everyByte[i] = i;
        }
        assertThat(check(stream, sent, everyByte)).as("byte by byte").isEqualTo(expected);
    }

    @Test
    void correctEchoesAreOk() {
        assertVerdicts(echoes(0, 1, 2, 3), 4, List.of("ok", "ok", "ok", "ok"));
    }

    @Test
    void aWrongByteFailsThatEchoOnly() {
        byte[] stream = echoes(0, 1, 2);
        stream[SIZE + 18] ^= 1; // in the letters of the second echo
        assertVerdicts(stream, 3, List.of("ok", "mismatch", "ok"));
    }

    @Test
    void aLostEchoShiftsEveryLaterOneOutOfStep() {
        assertVerdicts(echoes(0, 2, 3), 4, List.of("ok", "mismatch", "mismatch"));
    }

    @Test
    void aRepeatedEchoIsAMismatch() {
        assertVerdicts(echoes(0, 0, 1), 3, List.of("ok", "mismatch", "mismatch"));
    }

    @Test
    void reorderedEchoesAreMismatches() {
        assertVerdicts(echoes(1, 0, 2), 3, List.of("mismatch", "mismatch", "ok"));
    }

    @Test
    void anIncompleteEchoIsNotJudgedYet() {
        byte[] stream = echoes(0, 1);
        assertThat(check(java.util.Arrays.copyOf(stream, SIZE + SIZE - 1), 2)).containsExactly("ok");
    }

    @Test
    void bytesNobodyAskedForBreakTheConnection() {
        EchoStreamChecker checker = new EchoStreamChecker(SIZE);
        RecordingReplies replies = new RecordingReplies(0);
        assertThat(checker.onMessage(ByteBuffer.wrap(echoes(0, 1)), replies)).isFalse();
        assertThat(replies.outcomes).containsExactly("ok");
    }
}
