package io.weft.codec.resp;

import static io.weft.codec.resp.RequestFeed.args;
import static io.weft.codec.resp.RequestFeed.bytes;
import static io.weft.codec.resp.RequestFeed.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A decoder with a lookahead must return exactly what a plain one does, and show every request once. */
class RespRequestDecoderLookaheadTest {

    /** Records what the lookahead was shown: each run, as copied requests. */
    private final List<List<List<String>>> runs = new ArrayList<>();

    private RespRequestDecoder decoder() {
        return new RespRequestDecoder(RespLimits.DEFAULT, (requests, count) -> {
            List<List<String>> run = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                run.add(args(requests[i]));
            }
            runs.add(run);
        });
    }

    private List<List<String>> shown() {
        return runs.stream().flatMap(List::stream).toList();
    }

    private static byte[] corpus() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            wire.writeBytes(command("SET", "key:" + i, "v\r\n" + i));
            wire.writeBytes(command("GET", "key:" + i));
        }
        wire.writeBytes(bytes("*0\r\nPING\r\n\r\nset 'a b' \"c\\r\\nd\"\n*-1\r\n"));
        wire.writeBytes(command("DEL", "x".repeat(300)));
        wire.writeBytes(command("GET", ""));
        return wire.toByteArray();
    }

    @Test
    void returnsWhatAPlainDecoderReturnsHoweverTheInputIsSplit() throws Exception {
        byte[] wire = corpus();
        List<List<String>> expected = new RequestFeed(false).read(wire).requests();
        assertThat(expected).hasSize(44);
        for (int split = 0; split <= wire.length; split++) {
            for (boolean compact : new boolean[] {true, false}) {
                runs.clear();
                RequestFeed feed = new RequestFeed(decoder(), 16, compact)
                        .read(wire, 0, split).read(wire, split, wire.length - split);
                assertThat(feed.requests()).as("split at %d", split).isEqualTo(expected);
                assertThat(feed.pending()).isZero();
                assertThat(shown()).as("what the lookahead saw, split at %d", split).isEqualTo(expected);
            }
        }
    }

    @Test
    void returnsWhatAPlainDecoderReturnsFedByteByByte() throws Exception {
        byte[] wire = corpus();
        RequestFeed feed = new RequestFeed(decoder(), 16, true).readInChunks(wire, 1);
        assertThat(feed.requests()).isEqualTo(new RequestFeed(false).read(wire).requests());
        // One byte at a time, no request ever has a whole one behind it.
        assertThat(runs).allSatisfy(run -> assertThat(run).hasSize(1));
    }

    @Test
    void showsAPipelineInRunsOfAtMostMaxLookaheadAndAdvancesOneRequestPerCall() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            wire.writeBytes(command("GET", "key:" + i));
            ends.add(wire.size());
        }
        ByteBuffer in = ByteBuffer.wrap(wire.toByteArray());
        RespRequestDecoder decoder = decoder();
        for (int i = 0; i < 40; i++) {
            RespRequest request = decoder.decode(in);
            assertThat(request.argString(1)).isEqualTo("key:" + i);
            assertThat(in.position()).isEqualTo(ends.get(i));
            boolean lastOfRun = (i + 1) % RespRequestDecoder.MAX_LOOKAHEAD == 0 || i == 39;
            assertThat(decoder.hasPartialMessage()).as("after request %d", i).isEqualTo(!lastOfRun);
        }
        assertThat(decoder.decode(in)).isNull();
        List<Integer> sizes = new ArrayList<>();
        for (int left = 40; left > 0; left -= RespRequestDecoder.MAX_LOOKAHEAD) {
            sizes.add(Math.min(left, RespRequestDecoder.MAX_LOOKAHEAD));
        }
        assertThat(runs).extracting(List::size).isEqualTo(sizes);
    }

    @Test
    void throwsAnErrorOnlyOnceTheRequestsBeforeItAreReturned() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(command("GET", "a"));
        wire.writeBytes(command("GET", "b"));
        wire.writeBytes(bytes("*1\r\n$x\r\n"));
        ByteBuffer in = ByteBuffer.wrap(wire.toByteArray());
        RespRequestDecoder decoder = decoder();

        assertThat(decoder.decode(in).argString(1)).isEqualTo("a");
        assertThat(decoder.decode(in).argString(1)).isEqualTo("b");
        assertThatThrownBy(() -> decoder.decode(in)).isInstanceOf(RespProtocolException.class)
                .hasMessageContaining("Protocol error: invalid bulk length");
        assertThat(shown()).containsExactly(List.of("GET", "a"), List.of("GET", "b"));
    }

    @Test
    void parsesAnIncompleteTailAfreshWhenTheRestArrives() throws Exception {
        byte[] last = command("SET", "k", "v".repeat(100));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(command("GET", "a"));
        wire.writeBytes(command("GET", "b"));
        wire.write(last, 0, 20);
        ByteBuffer in = ByteBuffer.allocate(1024);
        in.put(wire.toByteArray()).flip();
        RespRequestDecoder decoder = decoder();

        assertThat(decoder.decode(in).argString(1)).isEqualTo("a");
        assertThat(decoder.decode(in).argString(1)).isEqualTo("b");
        assertThat(decoder.decode(in)).isNull();
        int limit = in.limit();
        in.limit(limit + last.length - 20).put(limit, last, 20, last.length - 20);

        RespRequest set = decoder.decode(in);
        assertThat(args(set)).containsExactly("SET", "k", "v".repeat(100));
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void dropsWhatItParsedAheadWhenTheCallerMovesTheBytes() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String key : new String[] {"a", "b", "c"}) {
            wire.writeBytes(command("GET", key));
        }
        ByteBuffer first = ByteBuffer.wrap(wire.toByteArray());
        RespRequestDecoder decoder = decoder();
        assertThat(decoder.decode(first).argString(1)).isEqualTo("a");

        // The caller copies the rest elsewhere and scribbles over the old buffer.
        ByteBuffer moved = ByteBuffer.allocate(first.remaining()).put(first.duplicate()).flip();
        first.clear().put(new byte[first.capacity()]);
        assertThat(decoder.decode(moved).argString(1)).isEqualTo("b");
        assertThat(decoder.decode(moved).argString(1)).isEqualTo("c");
        assertThat(decoder.decode(moved)).isNull();
    }
}
