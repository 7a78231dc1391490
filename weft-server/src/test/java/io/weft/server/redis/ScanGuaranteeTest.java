package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.resp.RespWriter;
import io.weft.server.redis.commands.KeyScan;
import io.weft.server.redis.keyspace.Database;
import io.weft.server.redis.keyspace.Entry;
import io.weft.server.redis.keyspace.Keyspace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * SCAN's promise: every key present for the whole iteration is returned at least once, however much the
 * tables grow or shrink between calls. Proved on a {@link Database} directly with {@link KeyScan#step} (the
 * command's own walk) while keys are added and removed between steps, then over the wire against Redis.
 */
class ScanGuaranteeTest extends EngineDifferential {

    private static final long NOW = 1;


    // ---- the walk itself, on a database in memory ----

    @Test
    void anUnchangingDatabaseIsScannedExactlyOnce() {
        Database db = emptyDatabase();
        List<String> keys = put(db, "k:", 0, 5000);
        List<String> returned = new ArrayList<>();
        int steps = scan(db, 7, returned, step -> { });
        assertThat(returned).hasSize(5000).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(steps).as("a walk of many steps").isGreaterThan(100);
    }

    @Test
    void keysPresentThroughoutAreReturnedWhileTablesGrow() {
        Database db = emptyDatabase();
        List<String> stable = put(db, "stable:", 0, 3000);
        Set<String> returned = new HashSet<>();
        int[] added = {0};
        scan(db, 5, returned, step -> {
            if (step < 300) {
                put(db, "grow:", added[0], 400);
                added[0] += 400;
            }
        });
        assertThat(db.size()).isEqualTo(3000 + 120_000);
        assertThat(missing(stable, returned)).as("stable keys the scan missed").isEmpty();
    }

    @Test
    void keysPresentThroughoutAreReturnedWhileTablesShrink() {
        Database db = emptyDatabase();
        List<String> stable = put(db, "stable:", 0, 1000);
        Deque<String> doomed = new ArrayDeque<>(put(db, "doomed:", 0, 120_000));
        Set<String> returned = new HashSet<>();
        // Half the scan runs while the tables shrink from 2048 buckets a stripe down to 16.
        scan(db, 100, returned, step -> delete(db, doomed, 1000));
        assertThat(db.size()).as("every doomed key deleted during the scan").isEqualTo(1000);
        assertThat(missing(stable, returned)).as("stable keys the scan missed").isEmpty();
    }

    @Test
    void keysPresentThroughoutAreReturnedWhileTablesGrowAndShrinkInTurn() {
        Database db = emptyDatabase();
        List<String> stable = put(db, "stable:", 0, 500);
        Deque<String> transient_ = new ArrayDeque<>();
        int[] next = {0};
        Set<String> returned = new HashSet<>();
        Set<String> everPresent = new HashSet<>(stable);
        scan(db, 3, returned, step -> {
            // Swing each stripe's table between ~8 and ~160 keys, across several resize thresholds up and
            // down, every 40 steps.
            if (step % 40 < 20) {
                List<String> fresh = put(db, "t:", next[0], 500);
                next[0] += 500;
                transient_.addAll(fresh);
                everPresent.addAll(fresh);
            } else {
                delete(db, transient_, 500);
            }
        });
        assertThat(missing(stable, returned)).as("stable keys the scan missed").isEmpty();
        assertThat(missing(returned, everPresent)).as("keys returned that never existed").isEmpty();
    }

    @Test
    void anyCursorValueIsSafeToResumeFrom() {
        Database db = emptyDatabase();
        Set<String> keys = new HashSet<>(put(db, "k:", 0, 1000));
        for (long start : new long[] {-1L, Long.MIN_VALUE, 63, 64, 1L << 40, 0x5555_5555_5555_5555L}) {
            Set<String> returned = new HashSet<>();
            long cursor = start;
            int steps = 0;
            do {
                List<Entry> page = new ArrayList<>();
                cursor = KeyScan.step(db, cursor, 10, page);
                page.forEach(e -> returned.add(new String(e.key(), StandardCharsets.UTF_8)));
                assertThat(++steps).as("scan resumed from %d ends", start).isLessThan(10_000);
            } while (cursor != 0);
            assertThat(missing(returned, keys)).as("keys returned that never existed").isEmpty();
        }
    }

    // ---- over the wire ----

    @Test
    void scanAndKeysReturnWhatRedisReturns() throws Exception {
        try (var p = diff.pair()) {
            List<String[]> sets = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                String key = (i % 3 == 0 ? "user:" : i % 3 == 1 ? "item:" : "other") + i;
                sets.add(new String[] {"SET", key, "v"});
            }
            pipeline(p.redisClient(), sets);
            pipeline(p.weftClient(), sets);
            TreeSet<String> all = KeyReplies.sortedStrings(p.redisClient().call("KEYS", "*"));
            assertThat(all).hasSize(1500);
            assertThat(KeyReplies.sortedStrings(p.weftClient().call("KEYS", "*"))).isEqualTo(all);
            for (String[] options : new String[][] {{}, {"COUNT", "1"}, {"COUNT", "3"}, {"COUNT", "1000"},
                {"MATCH", "user:*"}, {"MATCH", "item:1?"}, {"MATCH", "*9", "COUNT", "50"},
                {"TYPE", "string"}, {"TYPE", "hash"}, {"MATCH", "nothing*"}}) {
                TreeSet<String> fromRedis = KeyReplies.scanAll(p.redisClient(), 5000, options);
                TreeSet<String> fromWeft = KeyReplies.scanAll(p.weftClient(), 5000, options);
                assertThat(fromWeft).as("SCAN %s", String.join(" ", options)).isEqualTo(fromRedis);
            }
            assertThat(KeyReplies.sortedStrings(p.weftClient().call("KEYS", "user:*")))
                    .isEqualTo(KeyReplies.sortedStrings(p.redisClient().call("KEYS", "user:*")));
        }
    }

    @Test
    void bothServersKeepThePromiseWhileAnotherClientWrites() throws Exception {
        try (var p = diff.pair(); var writers = diff.pair()) {
            List<String[]> stable = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                stable.add(new String[] {"SET", "stable:" + i, "v"});
            }
            pipeline(p.redisClient(), stable);
            pipeline(p.weftClient(), stable);
            TreeSet<String> expected = KeyReplies.sortedStrings(p.weftClient().call("KEYS", "stable:*"));
            assertThat(expected).hasSize(500);
            assertThat(missing(expected, scanWhileWriting(p.redisClient(), writers.redisClient()))).isEmpty();
            assertThat(missing(expected, scanWhileWriting(p.weftClient(), writers.weftClient()))).isEmpty();
        }
    }

    /** A full SCAN with COUNT 5; between calls the writer adds 200 keys, and later deletes them again. */
    private static Set<String> scanWhileWriting(RespClient scanner, RespClient writer) throws IOException {
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        for (int call = 0; call < 10_000; call++) {
            KeyReplies.ScanPage page = KeyReplies.scanPage(scanner.call("SCAN", cursor, "COUNT", "5"));
            seen.addAll(page.keys());
            cursor = page.cursor();
            if (cursor.equals("0")) {
                return seen;
            }
            List<String[]> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "churn:" + ((call % 20) * 200 + i);
                writes.add(call % 40 < 20 ? new String[] {"SET", key, "v"} : new String[] {"DEL", key});
            }
            pipeline(writer, writes);
        }
        throw new AssertionError("SCAN did not finish in 10000 calls");
    }

    // ---- helpers ----

    /** The members of {@code expected} not in {@code actual}, without AssertJ's linear search of large sets. */
    private static Set<String> missing(java.util.Collection<String> expected, java.util.Collection<String> actual) {
        Set<String> lookup = actual instanceof Set<String> set ? set : new HashSet<>(actual);
        Set<String> missing = new TreeSet<>();
        for (String key : expected) {
            if (!lookup.contains(key)) {
                missing.add(key);
            }
        }
        return missing;
    }

    private static Database emptyDatabase() {
        return new Keyspace(1).database(0);
    }

    /** Puts keys {@code prefix + from .. prefix + (from + n - 1)} and returns them. */
    private static List<String> put(Database db, String prefix, int from, int n) {
        List<String> keys = new ArrayList<>(n);
        for (int i = from; i < from + n; i++) {
            String key = prefix + i;
            db.put(key.getBytes(StandardCharsets.UTF_8), new byte[] {'v'}, Entry.PERSISTENT, NOW);
            keys.add(key);
        }
        return keys;
    }

    private static void delete(Database db, Deque<String> keys, int n) {
        for (int i = 0; i < n && !keys.isEmpty(); i++) {
            Entry e = db.lookup(keys.poll().getBytes(StandardCharsets.UTF_8), NOW);
            db.delete(e);
        }
    }

    /**
     * Runs a whole scan with {@code count}, calling {@code betweenSteps} with the step number after each step
     * that did not end it. Returns the number of steps; fails if the scan does not end.
     */
    private static int scan(Database db, long count, java.util.Collection<String> returned, IntConsumer betweenSteps) {
        long cursor = 0;
        for (int step = 0; step < 1_000_000; step++) {
            List<Entry> page = new ArrayList<>();
            cursor = KeyScan.step(db, cursor, count, page);
            for (Entry e : page) {
                returned.add(new String(e.key(), StandardCharsets.UTF_8));
            }
            if (cursor == 0) {
                return step + 1;
            }
            betweenSteps.accept(step);
        }
        throw new AssertionError("scan did not end");
    }

    /** Sends the commands in one write and reads every reply, asserting none is an error. */
    static void pipeline(RespClient client, List<String[]> commands) throws IOException {
        for (int from = 0; from < commands.size(); from += 1000) {
            List<String[]> batch = commands.subList(from, Math.min(commands.size(), from + 1000));
            ByteBufferSink sink = new ByteBufferSink(64 * 1024);
            for (String[] command : batch) {
                byte[][] args = new byte[command.length][];
                for (int i = 0; i < command.length; i++) {
                    args[i] = command[i].getBytes(StandardCharsets.UTF_8);
                }
                RespWriter.command(sink, args);
            }
            ByteBuffer bytes = sink.readable();
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            client.sendRaw(raw);
            for (int i = 0; i < batch.size(); i++) {
                byte[] reply = client.readReply();
                assertThat(reply[0]).as("reply to %s", String.join(" ", batch.get(i))).isNotEqualTo((byte) '-');
            }
        }
    }
}
