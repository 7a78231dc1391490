package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.redis.Differential.Pair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pub/Sub over RESP2, compared byte for byte with Redis 7.0: confirmations, messages, pattern messages,
 * receiver counts, the subscribed-client context and PUBSUB introspection, on both engines.
 */
class PubSubDifferentialTest extends EngineDifferential {

    @Test
    void subscribeConfirmsEachChannelAndDeliversMessages() throws Exception {
        try (Pair sub = diff.pair(); Pair pub = diff.pair()) {
            sameFrames(sub, 3, "SUBSCRIBE", "news", "sport", "news");
            pub.same("PUBLISH", "news", "hello");
            sub.sameNext();
            pub.same("PUBLISH", "sport", "");
            sub.sameNext();
            pub.same("PUBLISH", "weather", "nobody listens");
            sameFrames(sub, 1, "UNSUBSCRIBE", "sport", "never-subscribed");
            sub.sameNext();
            pub.same("PUBLISH", "sport", "gone");
            pub.same("PUBLISH", "news", "still here");
            sub.sameNext();
            sameFrames(sub, 1, "UNSUBSCRIBE");
            sameFrames(sub, 1, "UNSUBSCRIBE");
            sub.same("GET", "k");
        }
    }

    @Test
    void subscribedClientMayOnlyPingAndSubscribe() throws Exception {
        try (Pair sub = diff.pair()) {
            sameFrames(sub, 1, "SUBSCRIBE", "ctx");
            sub.same("GET", "k");
            sub.same("SET", "k", "v");
            sub.same("PUBSUB", "CHANNELS");
            sub.same("MULTI");
            sub.same("PING");
            sub.same("PING", "hi");
            sub.same("NOSUCH", "x");
            sameFrames(sub, 1, "PSUBSCRIBE", "c*");
            sameFrames(sub, 1, "UNSUBSCRIBE");
            sub.same("GET", "k");
            sameFrames(sub, 1, "PUNSUBSCRIBE");
            sub.same("GET", "k");
            sub.same("PING");
        }
    }

    @Test
    void patternsMatchAsGlobsAndCountEveryDelivery() throws Exception {
        try (Pair sub = diff.pair(); Pair pub = diff.pair()) {
            sameFrames(sub, 4, "PSUBSCRIBE", "news.*", "h?llo", "[ab]x", "esc\\*");
            pub.same("PUBLISH", "news.today", "m1");
            sub.sameNext();
            pub.same("PUBLISH", "hallo", "m2");
            sub.sameNext();
            pub.same("PUBLISH", "bx", "m3");
            sub.sameNext();
            pub.same("PUBLISH", "esc*", "m4");
            sub.sameNext();
            pub.same("PUBLISH", "escX", "none");
            pub.same("PUBLISH", "cx", "none");
            // A channel subscriber that also matches a pattern gets both, and PUBLISH counts both.
            sameFrames(sub, 1, "SUBSCRIBE", "news.today");
            pub.same("PUBLISH", "news.today", "twice");
            sub.sameNext();
            sub.sameNext();
            sameFrames(sub, 1, "PUNSUBSCRIBE", "news.*");
            pub.same("PUBLISH", "news.today", "once");
            sub.sameNext();
            sameFrames(sub, 1, "PUNSUBSCRIBE", "not-subscribed");
        }
    }

    @Test
    void binaryChannelsAndMessagesPassUnchanged() throws Exception {
        byte[] channel = {0, 1, (byte) 0xff, '\r', '\n'};
        byte[] message = {(byte) 0x80, 0, '*', '\n'};
        try (Pair sub = diff.pair(); Pair pub = diff.pair()) {
            sub.redisClient().send("SUBSCRIBE".getBytes(StandardCharsets.US_ASCII), channel);
            sub.weftClient().send("SUBSCRIBE".getBytes(StandardCharsets.US_ASCII), channel);
            sub.sameNext();
            pub.same("PUBLISH".getBytes(StandardCharsets.US_ASCII), channel, message);
            sub.sameNext();
        }
    }

    @Test
    void unsubscribeWithoutArgumentsLeavesEveryChannel() throws Exception {
        try (Pair sub = diff.pair(); Pair pub = diff.pair()) {
            sameFrames(sub, 3, "SUBSCRIBE", "u1", "u2", "u3");
            sameFrames(sub, 1, "PSUBSCRIBE", "u*");
            // Redis walks its hash table, Weft its subscription order: compare names as a set and the
            // remaining counts in sequence.
            sameFramesAnyOrder(sub, 3, "UNSUBSCRIBE");
            pub.same("PUBLISH", "u2", "via pattern only");
            sub.sameNext();
            sameFrames(sub, 1, "PUNSUBSCRIBE");
            sub.same("PING");
        }
    }

    @Test
    void pubsubIntrospectionCountsChannelsAndPatterns() throws Exception {
        try (Pair a = diff.pair(); Pair b = diff.pair(); Pair q = diff.pair()) {
            sameFrames(a, 3, "SUBSCRIBE", "intro.one", "intro.two", "other");
            sameFrames(b, 1, "SUBSCRIBE", "intro.one");
            sameFrames(a, 2, "PSUBSCRIBE", "p1", "shared");
            sameFrames(b, 1, "PSUBSCRIBE", "shared");
            sameSorted(q, "PUBSUB", "CHANNELS");
            sameSorted(q, "PUBSUB", "CHANNELS", "intro.*");
            sameSorted(q, "pubsub", "channels", "nomatch*");
            q.same("PUBSUB", "NUMSUB", "intro.one", "intro.two", "missing", "intro.one");
            q.same("PUBSUB", "NUMSUB");
            q.same("PUBSUB", "NUMPAT");
            q.same("PUBLISH", "shared", "to two pattern subscribers");
            a.sameNext();
            b.sameNext();
            sameFrames(a, 1, "PUNSUBSCRIBE", "shared");
            q.same("PUBSUB", "NUMPAT");
            q.same("PUBSUB", "SHARDCHANNELS");
            q.same("PUBSUB", "SHARDNUMSUB", "x");
        }
    }

    @Test
    void pubsubErrorsAndHelpMatchRedis() throws Exception {
        try (Pair p = diff.pair()) {
            p.same("PUBSUB");
            p.same("PUBSUB", "NOSUCH");
            p.same("PUBSUB", "CHANNELS", "a", "b");
            p.same("pubsub", "Channels", "a", "b");
            p.same("PUBSUB", "NUMPAT", "x");
            p.same("PUBSUB", "HELP");
            p.same("pubsub", "help");
            p.same("PUBLISH", "only-channel");
            p.same("SUBSCRIBE");
            p.same("PSUBSCRIBE");
        }
    }

    @Test
    void subscribeInsideMultiRunsAtExec() throws Exception {
        try (Pair sub = diff.pair(); Pair pub = diff.pair()) {
            sub.same("MULTI");
            sub.same("SUBSCRIBE", "in-multi");
            sub.same("EXEC");
            pub.same("PUBLISH", "in-multi", "after exec");
            sub.sameNext();
            sub.same("GET", "k");
        }
    }

    @Test
    void closedSubscriberIsForgotten() throws Exception {
        try (Pair q = diff.pair()) {
            try (Pair sub = diff.pair()) {
                sameFrames(sub, 2, "SUBSCRIBE", "leaving", "leaving2");
                sameFrames(sub, 1, "PSUBSCRIBE", "leav*");
                q.same("PUBSUB", "NUMSUB", "leaving");
            }
            awaitNoSubscriptions();
            q.same("PUBLISH", "leaving", "to nobody");
            q.same("PUBSUB", "NUMPAT");
        }
    }

    // ---- helpers ----

    /** Sends the command to both and asserts the next {@code n} replies are the same bytes. */
    private static void sameFrames(Pair p, int n, String... args) throws IOException {
        send(p, args);
        for (int i = 0; i < n; i++) {
            p.sameNext();
        }
    }

    /** Like {@link #sameFrames}, but the frames' names may come in any order; counts must still match in order. */
    private static void sameFramesAnyOrder(Pair p, int n, String... args) throws IOException {
        send(p, args);
        List<List<String>> redis = new ArrayList<>();
        List<List<String>> weft = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            redis.add(RespArrays.elements(p.redisClient().readReply()));
            weft.add(RespArrays.elements(p.weftClient().readReply()));
        }
        assertThat(weft.stream().map(f -> f.get(2)).toList()).isEqualTo(redis.stream().map(f -> f.get(2)).toList());
        Comparator<List<String>> byName = Comparator.comparing(f -> f.get(1));
        assertThat(weft.stream().map(f -> f.subList(0, 2)).sorted(byName).toList())
                .isEqualTo(redis.stream().map(f -> f.subList(0, 2)).sorted(byName).toList());
    }

    /** The array replies hold the same elements, whatever their order. */
    private static void sameSorted(Pair p, String... args) throws IOException {
        List<String> expected = RespArrays.sorted(p.redisClient().call(args));
        List<String> actual = RespArrays.sorted(p.weftClient().call(args));
        assertThat(actual).as("%s", String.join(" ", args)).isEqualTo(expected);
    }

    private static void send(Pair p, String... args) throws IOException {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        p.redisClient().send(raw);
        p.weftClient().send(raw);
    }

    /**
     * Waits until both servers have dropped the subscriptions of clients closed by earlier tests: both
     * handle a close after the client's socket is gone, not before the test's next command. Runs before
     * each test, after the base class has flushed both servers.
     */
    @BeforeEach
    void awaitNoSubscriptions() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        try (Pair q = diff.pair()) {
            while (!(quiet(q.redisClient()) && quiet(q.weftClient()))) {
                assertThat(System.nanoTime()).as("subscriptions of closed clients dropped").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }

    private static boolean quiet(RespClient client) throws IOException {
        return new String(client.call("PUBSUB", "NUMPAT"), StandardCharsets.US_ASCII).equals(":0\r\n")
                && new String(client.call("PUBSUB", "CHANNELS"), StandardCharsets.US_ASCII).equals("*0\r\n");
    }
}
