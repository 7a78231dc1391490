package io.weft.loadgen.target;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.resp.RespLimits;
import io.weft.codec.resp.RespProtocolException;
import io.weft.codec.resp.RespReplyDecoder;
import io.weft.codec.resp.RespValue;
import io.weft.codec.resp.RespVersion;
import io.weft.loadgen.spi.Replies;
import io.weft.loadgen.spi.ReplyChecker;
import io.weft.loadgen.spi.RequestWriter;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Replies as a server sends them (RESP bytes through the target's decoder), checked against requests the
 * target's own writer produced.
 */
class RespReplyCheckerTest {

    private static final int VALUE_SIZE = 8;

    private final RespTarget target = new RespTarget(new RespTarget.Options(
            RespWorkload.ratio("set:get=1:1"), KeyPattern.SEQUENTIAL, 1_000, VALUE_SIZE, RespVersion.RESP2));
    private final RequestWriter writer = target.newWriter(0);
    private final ReplyChecker<RespValue> checker = target.newChecker(0);
    private final RecordingReplies replies = new RecordingReplies();
    private final ByteBufferSink sink = new ByteBufferSink(128);

    private static RespValue reply(String wire) {
        try {
            RespValue v = new RespReplyDecoder(RespLimits.DEFAULT).decode(ByteBuffer.wrap(wire.getBytes(US_ASCII)));
            assertThat(v).as(wire).isNotNull();
            return v;
        } catch (RespProtocolException e) {
            throw new AssertionError("the test's own reply is malformed: " + wire, e);
        }
    }

    private static String bulk(String s) {
        return "$" + s.length() + "\r\n" + s + "\r\n";
    }

    private static String valueOf(long key) {
        byte[] v = new byte[VALUE_SIZE];
        KeyValueBytes.value(v, key);
        return new String(v, US_ASCII);
    }

    /** Sends the writer's next request; returns the value it carried (for a SET) or "". */
    private String send() {
        sink.clear();
        replies.send(writer.writeRequest(sink));
        String wire = US_ASCII.decode(sink.written()).toString();
        return wire.startsWith("*3") ? wire.substring(wire.length() - 2 - VALUE_SIZE, wire.length() - 2) : "";
    }

    /** Sends a SET (key 0) and a GET (key 1), the first two requests of the mix. */
    private void sendSetAndGet() {
        send();
        send();
    }

    private void answer(String wire) {
        assertThat(checker.onMessage(reply(wire), replies)).isTrue();
    }

    @Test
    void setExpectsOk() {
        sendSetAndGet();
        sendSetAndGet();
        answer("+OK\r\n");
        answer("$-1\r\n");
        answer("+QUEUED\r\n");
        answer("$-1\r\n");
        assertThat(replies.outcomes).containsExactly("ok", "ok", "mismatch", "ok");
    }

    @Test
    void getExpectsNilOrExactlyTheValueSetWroteForThatKey() {
        String written = send(); // SET key 0
        send(); // GET key 1
        assertThat(written).isEqualTo(valueOf(0));
        answer("+OK\r\n");
        answer(bulk(valueOf(1)));
        for (int i = 0; i < 5; i++) {
            sendSetAndGet(); // GET keys 3, 5, 7, 9, 11
        }
        answer("+OK\r\n");
        answer("$-1\r\n"); // never set: nil is right
        answer("+OK\r\n");
        answer(bulk(valueOf(1))); // the value of another key
        answer("+OK\r\n");
        answer(bulk(valueOf(7).substring(0, VALUE_SIZE - 1))); // cut short
        answer("+OK\r\n");
        answer(bulk(valueOf(7) + "x")); // one byte too many
        answer("+OK\r\n");
        answer(bulk(valueOf(11)));
        assertThat(replies.outcomes).containsExactly(
                "ok", "ok", "ok", "ok", "ok", "mismatch", "ok", "mismatch", "ok", "mismatch", "ok", "ok");
    }

    @Test
    void errorRepliesAreCountedAsErrorsWhateverWasExpected() {
        sendSetAndGet();
        sendSetAndGet();
        answer("-ERR out of memory\r\n");
        answer("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        answer("!9\r\nERR stale\r\n"); // RESP3 blob error
        answer("$-1\r\n");
        assertThat(replies.outcomes).containsExactly("error-reply", "error-reply", "error-reply", "ok");
    }

    @Test
    void aReplyOfTheWrongTypeIsAMismatch() {
        sendSetAndGet();
        sendSetAndGet();
        answer(":1\r\n");
        answer(":1\r\n");
        answer("*1\r\n" + bulk(valueOf(0)));
        answer("+" + valueOf(3) + "\r\n"); // the right bytes, as a simple string
        assertThat(replies.outcomes).containsExactly("mismatch", "mismatch", "mismatch", "mismatch");
    }

    @Test
    void attributesAreLookedThroughAndPushesAnswerNothing() {
        sendSetAndGet();
        answer(">2\r\n" + bulk("message") + bulk("hi"));
        assertThat(replies.outcomes).isEmpty();
        answer("|1\r\n+ttl\r\n:3\r\n+OK\r\n");
        answer("|1\r\n+ttl\r\n:3\r\n" + bulk(valueOf(1)));
        assertThat(replies.outcomes).containsExactly("ok", "ok");
    }

    @Test
    void aReplyNobodyAskedForBreaksTheConnection() {
        assertThat(checker.onMessage(reply("+OK\r\n"), replies)).isFalse();
        assertThat(replies.outcomes).isEmpty();
    }

    @Test
    void helloExpectsAMapOfServerProperties() {
        replies.send(Replies.handshakeToken(0));
        replies.send(Replies.handshakeToken(0));
        replies.send(Replies.handshakeToken(0));
        answer("%1\r\n" + bulk("server") + bulk("weft"));
        answer("-NOPROTO unsupported protocol version\r\n"); // a RESP2-only server
        answer("+OK\r\n");
        assertThat(replies.outcomes).containsExactly("ok", "error-reply", "mismatch");
    }

    @Test
    void otherCommandsCheckTheirReplyType() {
        RespTarget mix = new RespTarget(new RespTarget.Options(RespWorkload.ratio("incr:lpop:ping:hget=1:1:1:1"),
                KeyPattern.UNIFORM, 10, 4, RespVersion.RESP2));
        RequestWriter w = mix.newWriter(0);
        ReplyChecker<RespValue> c = mix.newChecker(0);
        RecordingReplies r = new RecordingReplies();
        for (int i = 0; i < 8; i++) {
            r.send(w.writeRequest(new ByteBufferSink(64)));
        }
        for (String wire : new String[] {":7\r\n", "$-1\r\n", "+PONG\r\n", bulk("anything"),
                                         "$-1\r\n", ":1\r\n", "+OK\r\n", ":2\r\n"}) {
            assertThat(c.onMessage(reply(wire), r)).isTrue();
        }
        assertThat(r.outcomes).containsExactly("ok", "ok", "ok", "ok", "mismatch", "mismatch", "mismatch", "mismatch");
    }
}
