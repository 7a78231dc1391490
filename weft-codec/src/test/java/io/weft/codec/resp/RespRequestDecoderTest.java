package io.weft.codec.resp;

import static io.weft.codec.resp.RequestFeed.bytes;
import static io.weft.codec.resp.RequestFeed.command;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RespRequestDecoderTest {

    private static final String BINARY = "a\r\nb\0\u00ff\r";

    /** Wire bytes and the requests they hold, ignored requests included in the bytes but not the list. */
    private static final ByteArrayOutputStream CORPUS = new ByteArrayOutputStream();
    private static final List<List<String>> EXPECTED = new ArrayList<>();

    static {
        add(command("SET", "key", BINARY), List.of("SET", "key", BINARY));
        add(command("GET", ""), List.of("GET", ""));
        add(bytes("*0\r\n"), null);
        add(bytes("PING\r\n"), List.of("PING"));
        add(bytes("\r\n"), null);
        add(bytes("set 'a b' \"c\\r\\nd\"\n"), List.of("set", "a b", "c\r\nd"));
        add(bytes("*-1\r\n"), null);
        String[] many = new String[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = "arg" + i;
        }
        add(command(many), List.of(many));
        add(bytes("   \t \n"), null);
        add(command("DEL", "x".repeat(300)), List.of("DEL", "x".repeat(300)));
        add(bytes("*1\r\n$0\r\n\r\n"), List.of(""));
    }

    private static void add(byte[] wire, List<String> request) {
        CORPUS.writeBytes(wire);
        if (request != null) {
            EXPECTED.add(request);
        }
    }

    @Test
    void decodesTheCorpusSplitAtEveryPoint() throws Exception {
        byte[] wire = CORPUS.toByteArray();
        for (int split = 0; split <= wire.length; split++) {
            for (boolean compact : new boolean[] {true, false}) {
                RequestFeed feed = new RequestFeed(compact).read(wire, 0, split).read(wire, split, wire.length - split);
                assertThat(feed.requests()).as("split at %d", split).isEqualTo(EXPECTED);
                assertThat(feed.pending()).isZero();
            }
        }
    }

    @Test
    void decodesTheCorpusByteByByte() throws Exception {
        RequestFeed feed = new RequestFeed(true).readInChunks(CORPUS.toByteArray(), 1);
        assertThat(feed.requests()).isEqualTo(EXPECTED);
    }

    @Test
    void decodesOneHundredThousandPipelinedCommandsFromOneBuffer() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            wire.writeBytes(i % 2 == 0 ? command("SET", "key:" + i, "value" + i) : command("GET", "key:" + i));
        }
        ByteBuffer in = ByteBuffer.wrap(wire.toByteArray());
        RespRequestDecoder decoder = new RespRequestDecoder();
        int count = 0;
        RespRequest request;
        while ((request = decoder.decode(in)) != null) {
            assertThat(request.argString(1)).isEqualTo("key:" + count);
            assertThat(request.argc()).isEqualTo(count % 2 == 0 ? 3 : 2);
            count++;
        }
        assertThat(count).isEqualTo(100_000);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(decoder.hasPartialMessage()).isFalse();
    }

    @Test
    void leavesThePositionUntouchedWhileARequestIsIncomplete() throws Exception {
        byte[] wire = command("SET", "key", BINARY);
        for (int length = 1; length < wire.length; length++) {
            RespRequestDecoder decoder = new RespRequestDecoder();
            ByteBuffer in = ByteBuffer.allocate(wire.length + 4);
            in.position(3).limit(3 + length);
            in.put(3, wire, 0, length);
            assertThat(decoder.decode(in)).as("prefix of %d bytes", length).isNull();
            assertThat(in.position()).isEqualTo(3);
            assertThat(decoder.hasPartialMessage()).isTrue();
            in.limit(3 + wire.length).put(3, wire);
            assertThat(RequestFeed.args(decoder.decode(in))).containsExactly("SET", "key", BINARY);
            assertThat(in.position()).isEqualTo(3 + wire.length);
            assertThat(decoder.hasPartialMessage()).isFalse();
        }
    }

    @Test
    void consumesIgnoredRequestsEvenWhenNothingFollows() throws Exception {
        ByteBuffer in = ByteBuffer.wrap(bytes("\r\n*0\r\n*-1\r\n  \n"));
        assertThat(new RespRequestDecoder().decode(in)).isNull();
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void waitsForAHugeDeclaredBulkWithinTheLimitWithoutReservingIt() throws Exception {
        RespRequestDecoder decoder = new RespRequestDecoder(new RespLimits(2L * 1024 * 1024 * 1024, 16, 1024));
        ByteBuffer in = ByteBuffer.allocate(64).put(bytes("*1\r\n$1000000000\r\nabc")).flip();
        long before = usedHeap();
        for (int i = 0; i < 10; i++) {
            assertThat(decoder.decode(in)).isNull();
        }
        assertThat(usedHeap() - before).as("heap grown while waiting").isLessThan(100L * 1024 * 1024);
        assertThat(in.position()).isZero();
        assertThat(decoder.hasPartialMessage()).isTrue();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void rejectsABulkDeclaredOverTheLimitBeforeItArrives() {
        RespRequestDecoder decoder = new RespRequestDecoder(new RespLimits(10, 16, 1024));
        assertThat(decodeAll(decoder, "*1\r\n$10\r\n0123456789\r\n")).containsExactly(List.of("0123456789"));
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes("*1\r\n$11\r\n"))))
                .isInstanceOf(RespProtocolException.class)
                .extracting(e -> new String(((RespProtocolException) e).reply(), ISO_8859_1))
                .isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
    }

    @Test
    void rejectsMoreArgumentsThanTheLimit() throws Exception {
        RespRequestDecoder decoder = new RespRequestDecoder(new RespLimits(10, 2, 1024));
        assertThat(decodeAll(decoder, "*2\r\n$1\r\na\r\n$1\r\nb\r\n")).containsExactly(List.of("a", "b"));
        assertThat(replyFor(decoder, "*3\r\n")).isEqualTo("-ERR Protocol error: invalid multibulk length\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "*x\\r\\n                    | invalid multibulk length",
        "*\\r\\n                     | invalid multibulk length",
        "*+1\\r\\n                   | invalid multibulk length",
        "*01\\r\\n                   | invalid multibulk length",
        "*2147483648\\r\\n           | invalid multibulk length",
        "*1\\r\\n:1\\r\\n            | expected '$', got ':'",
        "*1\\r\\n\\r\\n              | expected '$', got ' '",
        "*1\\r\\n$-1\\r\\n           | invalid bulk length",
        "*1\\r\\n$\\r\\n             | invalid bulk length",
        "*1\\r\\n$ 1\\r\\n           | invalid bulk length",
        "*1\\r\\n$536870913\\r\\n    | invalid bulk length",
        "set \"a\\n                  | unbalanced quotes in request",
        "set 'a\\n                   | unbalanced quotes in request",
        "set \"a\"b\\n               | unbalanced quotes in request",
        "set 'a'b\\n                 | unbalanced quotes in request",
    })
    void rejectsMalformedRequestsWithRedisErrorLines(String wire, String error) {
        assertThat(replyFor(new RespRequestDecoder(), unescape(wire))).isEqualTo("-ERR Protocol error: " + error + "\r\n");
    }

    @Test
    void acceptsAnyIntegerCountUpToIntMaxAndSkipsNegativeOnes() throws Exception {
        assertThat(new RespRequestDecoder().decode(ByteBuffer.wrap(bytes("*2147483647\r\n$1\r\na\r\n")))).isNull();
        assertThat(decodeAll(new RespRequestDecoder(), "*-7\r\n*1\r\n$1\r\na\r\n")).containsExactly(List.of("a"));
    }

    @Test
    void rejectsCountLinesWithoutCrOnceTheyPassTheInlineLimit() throws Exception {
        RespLimits limits = new RespLimits(1 << 20, 16, 8);
        assertThat(new RespRequestDecoder(limits).decode(ByteBuffer.wrap(bytes("*1234567")))).isNull();
        assertThat(replyFor(new RespRequestDecoder(limits), "*12345678"))
                .isEqualTo("-ERR Protocol error: too big mbulk count string\r\n");
        assertThat(new RespRequestDecoder(limits).decode(ByteBuffer.wrap(bytes("*1\r\n$1234567")))).isNull();
        assertThat(replyFor(new RespRequestDecoder(limits), "*1\r\n$12345678"))
                .isEqualTo("-ERR Protocol error: too big bulk count string\r\n");
    }

    @Test
    void rejectsInlineLinesOverTheLimitHoweverTheyArrive() throws Exception {
        RespLimits limits = new RespLimits(1 << 20, 16, 8);
        String fits = "12345678\r\n";
        for (int split = 0; split <= fits.length(); split++) {
            RequestFeed feed = new RequestFeed(new RespRequestDecoder(limits), 4, true)
                    .read(bytes(fits), 0, split).read(bytes(fits), split, fits.length() - split);
            assertThat(feed.requests()).containsExactly(List.of("12345678"));
        }
        assertThat(replyFor(new RespRequestDecoder(limits), "123456789"))
                .isEqualTo("-ERR Protocol error: too big inline request\r\n");
        assertThat(replyFor(new RespRequestDecoder(limits), "123456789\n"))
                .isEqualTo("-ERR Protocol error: too big inline request\r\n");
    }

    @Test
    void skipsTheBytesAfterCountsAndPayloadsUncheckedLikeRedis() throws Exception {
        assertThat(decodeAll(new RespRequestDecoder(), "*1\rX$3\rYabcZZ*1\r\n$1\r\nq\r\n"))
                .containsExactly(List.of("abc"), List.of("q"));
    }

    @Test
    void decodesALargeArgumentArrivingInSmallReads() throws Exception {
        String big = "v".repeat(3 * 1024 * 1024);
        byte[] wire = command("SET", "k", big);
        RequestFeed feed = new RequestFeed(new RespRequestDecoder(), 4096, false).readInChunks(wire, 1460);
        assertThat(feed.requests()).hasSize(1);
        assertThat(feed.requests().get(0).get(2)).isEqualTo(big);
    }

    @Test
    void returnsTheSameRequestObjectEveryTime() throws Exception {
        RespRequestDecoder decoder = new RespRequestDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes("PING\r\n*1\r\n$4\r\nPING\r\n"));
        RespRequest inline = decoder.decode(in);
        assertThat(inline.isInline()).isTrue();
        RespRequest multibulk = decoder.decode(in);
        assertThat(multibulk).isSameAs(inline);
        assertThat(multibulk.isInline()).isFalse();
    }

    static String unescape(String s) {
        return s.strip().replace("\\r", "\r").replace("\\n", "\n");
    }

    static String replyFor(RespRequestDecoder decoder, String wire) {
        try {
            RespRequest request = decoder.decode(ByteBuffer.wrap(bytes(wire)));
            return "decoded " + (request == null ? null : RequestFeed.args(request));
        } catch (RespProtocolException e) {
            return new String(e.reply(), ISO_8859_1);
        }
    }

    static List<List<String>> decodeAll(RespRequestDecoder decoder, String wire) {
        List<List<String>> requests = new ArrayList<>();
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes(wire));
            RespRequest request;
            while ((request = decoder.decode(in)) != null) {
                requests.add(RequestFeed.args(request));
            }
        } catch (RespProtocolException e) {
            throw new AssertionError(e);
        }
        return Collections.unmodifiableList(requests);
    }
}
