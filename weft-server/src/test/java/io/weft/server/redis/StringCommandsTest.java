package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.resp.RespLimits;
import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.commands.Commands;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.CommandTable;
import io.weft.server.redis.core.Flag;
import io.weft.server.redis.keyspace.Keyspace;
import io.weft.transport.Engine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Weft's string commands where no differential test reaches: the command table against Redis 7.0's
 * COMMAND INFO, atomicity under concurrent clients, a proto-max-bulk-len small enough to reach, and
 * INCRBYFLOAT's reply always reading back the same.
 */
class StringCommandsTest {

    /** A limit small enough to reach with real strings; Redis's default is 512 MiB. */
    private static final int MAX_BULK = 1 << 20;

    private static RedisServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(Engine.LOOP).withLoops(2)
                .withLimits(new RespLimits(MAX_BULK, Integer.MAX_VALUE, 64 * 1024)));
    }

    @AfterAll
    static void stop() {
        server.shutdown(Duration.ofSeconds(1));
    }

    @BeforeEach
    void flush() throws Exception {
        try (RespClient c = client()) {
            c.call("FLUSHALL");
        }
    }

    /** Arity, flags and key positions exactly as Redis 7.0.15's COMMAND INFO lists them. */
    @Test
    void tableRowsMatchRedisCommandInfo() {
        record Row(String name, int arity, Set<Flag> flags, int first, int last, int step) {
        }
        Set<Flag> readFast = Set.of(Flag.READONLY, Flag.FAST);
        Set<Flag> read = Set.of(Flag.READONLY);
        Set<Flag> write = Set.of(Flag.WRITE, Flag.DENYOOM);
        Set<Flag> writeFast = Set.of(Flag.WRITE, Flag.DENYOOM, Flag.FAST);
        Set<Flag> writeFastNoOom = Set.of(Flag.WRITE, Flag.FAST);
        List<Row> expected = List.of(
                new Row("get", 2, readFast, 1, 1, 1), new Row("set", -3, write, 1, 1, 1),
                new Row("setnx", 3, writeFast, 1, 1, 1), new Row("setex", 4, write, 1, 1, 1),
                new Row("psetex", 4, write, 1, 1, 1), new Row("mget", -2, readFast, 1, -1, 1),
                new Row("mset", -3, write, 1, -1, 2), new Row("msetnx", -3, write, 1, -1, 2),
                new Row("getset", 3, writeFast, 1, 1, 1), new Row("getdel", 2, writeFastNoOom, 1, 1, 1),
                new Row("getex", -2, writeFastNoOom, 1, 1, 1), new Row("append", 3, writeFast, 1, 1, 1),
                new Row("strlen", 2, readFast, 1, 1, 1), new Row("incr", 2, writeFast, 1, 1, 1),
                new Row("decr", 2, writeFast, 1, 1, 1), new Row("incrby", 3, writeFast, 1, 1, 1),
                new Row("decrby", 3, writeFast, 1, 1, 1), new Row("incrbyfloat", 3, writeFast, 1, 1, 1),
                new Row("getrange", 4, read, 1, 1, 1), new Row("substr", 4, read, 1, 1, 1),
                new Row("setrange", 4, write, 1, 1, 1));
        CommandTable table = Commands.table();
        for (Row row : expected) {
            CommandSpec spec = table.get(row.name());
            assertThat(spec).as(row.name()).isNotNull();
            assertThat(new Row(spec.name(), spec.arity(), spec.flags(), spec.firstKey(), spec.lastKey(), spec.step()))
                    .isEqualTo(row);
            assertThat(spec.group()).isEqualTo("string");
        }
    }

    /** Concurrent INCRs from several clients lose no update. */
    @Test
    void concurrentIncrementsAllCount() throws Exception {
        int clients = 4;
        int each = 500;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                done.add(pool.submit(() -> {
                    try (RespClient c = client()) {
                        for (int n = 0; n < each; n++) {
                            c.call("INCRBY", "counter", "2");
                            c.call("INCRBYFLOAT", "float", "0.5");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        try (RespClient c = client()) {
            assertThat(text(c.call("GET", "counter"))).isEqualTo("$4\r\n4000\r\n");
            assertThat(text(c.call("GET", "float"))).isEqualTo("$4\r\n1000\r\n");
        }
    }

    /**
     * MSET writes all its keys in one step: a reader's MGET never sees some keys new and others old. The
     * keys spread over many lock stripes, so this holds only if the dispatcher locks every one of them.
     */
    @Test
    void msetIsAtomicForConcurrentReaders() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add("key:" + i);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newSingleThreadExecutor(); RespClient reader = client()) {
            Future<?> writer = pool.submit(() -> {
                try (RespClient c = client()) {
                    for (int round = 0; round < 300; round++) {
                        List<String> mset = new ArrayList<>(List.of("MSET"));
                        for (String key : keys) {
                            mset.addAll(List.of(key, Integer.toString(round)));
                        }
                        c.call(mset.toArray(String[]::new));
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            List<String> mget = new ArrayList<>(List.of("MGET"));
            mget.addAll(keys.reversed()); // a different first key from MSET's, so no one stripe serialises them
            int reads = 0;
            while (writing.get() || reads == 0) {
                String reply = text(reader.call(mget.toArray(String[]::new)));
                assertThat(distinctValues(reply)).as("values one MGET saw").hasSize(1);
                reads++;
            }
            writer.get(30, TimeUnit.SECONDS);
            assertThat(stripesOf(keys)).as("stripes the keys cover").isGreaterThan(32);
        }
    }

    /** MSETNX from two clients racing for overlapping keys: exactly one wins each round. */
    @Test
    void msetnxHasOneWinnerPerRound() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 50; round++) {
                String shared = "shared:" + round;
                String k1 = "one:" + round;
                String k2 = "two:" + round;
                Future<String> first = pool.submit(() -> msetnx(k1, shared));
                Future<String> second = pool.submit(() -> msetnx(shared, k2));
                List<String> replies = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
                assertThat(replies).containsExactlyInAnyOrder(":1\r\n", ":0\r\n");
            }
        }
    }

    private static String msetnx(String k1, String k2) throws Exception {
        try (RespClient c = client()) {
            return text(c.call("MSETNX", k1, "x", k2, "y"));
        }
    }

    /** APPEND and SETRANGE stop at proto-max-bulk-len, with Redis's error, and reach it exactly. */
    @Test
    void stringsStopAtProtoMaxBulkLen() throws Exception {
        String tooLong = "-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n";
        String half = "x".repeat(MAX_BULK / 2);
        try (RespClient c = client()) {
            assertThat(text(c.call("APPEND", "a", half))).isEqualTo(":" + MAX_BULK / 2 + "\r\n");
            assertThat(text(c.call("APPEND", "a", half))).isEqualTo(":" + MAX_BULK + "\r\n");
            assertThat(text(c.call("APPEND", "a", "y"))).isEqualTo(tooLong);
            assertThat(text(c.call("APPEND", "a", ""))).isEqualTo(":" + MAX_BULK + "\r\n");
            assertThat(text(c.call("STRLEN", "a"))).isEqualTo(":" + MAX_BULK + "\r\n");

            assertThat(text(c.call("SETRANGE", "r", Integer.toString(MAX_BULK - 1), "z")))
                    .isEqualTo(":" + MAX_BULK + "\r\n");
            assertThat(text(c.call("SETRANGE", "r", Integer.toString(MAX_BULK - 1), "zz"))).isEqualTo(tooLong);
            assertThat(text(c.call("SETRANGE", "new", Integer.toString(MAX_BULK), "z"))).isEqualTo(tooLong);
            assertThat(text(c.call("GET", "new"))).isEqualTo("$-1\r\n");
            assertThat(text(c.call("GETRANGE", "r", "-2", "-1"))).isEqualTo("$2\r\n\0z\r\n");
        }
    }

    /** What INCRBYFLOAT replies is what it stored, including integral sums beyond double's short digits. */
    @Test
    void incrbyfloatRepliesWhatItStores() throws Exception {
        List<String> increments = List.of("72057594037927936", "16", "-0.0", "0.1", "1e16", "99999999999999990",
                "1e17", "-2.5e-3", "1.5", "123456789.125");
        try (RespClient c = client()) {
            for (String increment : increments) {
                String reply = text(c.call("INCRBYFLOAT", "f", increment));
                assertThat(text(c.call("GET", "f"))).as("after INCRBYFLOAT f %s", increment).isEqualTo(reply);
            }
            c.call("DEL", "g");
            // 2^56: the shortest digits that read back as it are 72057594037927940, Redis prints it exactly.
            assertThat(text(c.call("INCRBYFLOAT", "g", "72057594037927936")))
                    .isEqualTo("$17\r\n72057594037927936\r\n");
            assertThat(text(c.call("INCRBY", "min", Long.toString(Long.MIN_VALUE))))
                    .isEqualTo(":" + Long.MIN_VALUE + "\r\n");
            assertThat(text(c.call("GET", "min"))).isEqualTo("$20\r\n" + Long.MIN_VALUE + "\r\n");
        }
    }

    /** The distinct elements of an array-of-bulks reply, a null one counted as "(nil)". */
    private static Set<String> distinctValues(String arrayReply) {
        String[] lines = arrayReply.split("\r\n");
        Set<String> values = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            values.add(lines[i].equals("$-1") ? "(nil)" : lines[++i]);
        }
        return values;
    }

    private static long stripesOf(List<String> keys) {
        return keys.stream().mapToInt(k -> Keyspace.stripe(RespRequest.hash(k.getBytes(StandardCharsets.UTF_8))))
                .distinct().count();
    }

    private static RespClient client() throws Exception {
        return new RespClient(server.address());
    }

    private static String text(byte[] reply) {
        return new String(reply, StandardCharsets.ISO_8859_1);
    }
}
