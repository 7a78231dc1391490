package io.weft.server.redis;

import static io.weft.server.redis.KeyReplies.redisInDb;
import static io.weft.server.redis.KeyReplies.weftEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.redis.keyspace.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generic key commands (DEL, UNLINK, EXISTS, TYPE, TOUCH, RENAME, RENAMENX, COPY, MOVE, KEYS, SCAN,
 * RANDOMKEY) compared byte for byte with Redis 7.0, errors included, on both engines.
 */
class DifferentialKeysTest extends EngineDifferential {

    @Test
    void delAndUnlinkCountWhatTheyRemoved() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "a", "1");
            p.both("SET", "b", "2");
            p.both("SET", "c", "3");
            p.same("DEL", "a", "a", "missing");
            p.same("GET", "a");
            p.same("UNLINK", "b", "c", "b");
            p.same("EXISTS", "b", "c");
            p.same("DEL", "nothing");
            p.same("UNLINK", "nothing");
            p.same("DEL");
            p.same("UNLINK");
        }
    }

    @Test
    void existsCountsEveryMentionAndTouchCountsLikeIt() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "a", "1");
            p.both("SET", "b", "2");
            p.same("EXISTS", "a");
            p.same("EXISTS", "a", "a", "a", "b", "nope");
            p.same("EXISTS", "nope");
            p.same("TOUCH", "a", "a", "b", "nope");
            p.same("TOUCH", "nope");
            p.same("EXISTS");
            p.same("TOUCH");
        }
    }

    @Test
    void typeNamesStringsAndMissingKeys() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "s", "v");
            p.same("TYPE", "s");
            p.same("TYPE", "missing");
            p.same("TYPE");
            p.same("TYPE", "s", "extra");
            p.both("PEXPIREAT", "s", "1");
            p.same("TYPE", "s");
        }
    }

    @Test
    void renameMovesValueAndDeadlineAndReplacesTarget() throws Exception {
        try (var p = diff.pair()) {
            p.same("RENAME", "missing", "x");
            p.same("RENAME", "missing", "missing");
            p.both("SET", "a", "va");
            p.both("EXPIRE", "a", "100");
            p.same("RENAME", "a", "a");
            p.same("TTL", "a");
            p.same("RENAME", "a", "b");
            p.same("EXISTS", "a");
            p.same("GET", "b");
            p.same("TTL", "b");
            p.both("SET", "c", "vc");
            p.same("RENAME", "c", "b");
            p.same("GET", "b");
            p.same("TTL", "b");
            p.same("RENAME", "b");
            p.same("RENAME", "a", "b", "c");
        }
    }

    @Test
    void renamenxRefusesAnExistingTarget() throws Exception {
        try (var p = diff.pair()) {
            p.same("RENAMENX", "missing", "x");
            p.both("SET", "a", "va");
            p.both("SET", "b", "vb");
            p.same("RENAMENX", "a", "a");
            p.same("RENAMENX", "a", "b");
            p.same("GET", "b");
            p.both("PEXPIRE", "a", "100000");
            p.same("RENAMENX", "a", "c");
            p.same("GET", "c");
            p.same("TTL", "c");
            p.same("EXISTS", "a");
            p.same("RENAMENX", "a");
        }
    }

    @Test
    void copyWithinADatabase() throws Exception {
        try (var p = diff.pair()) {
            p.same("COPY", "missing", "x");
            p.both("SET", "a", "va");
            p.both("EXPIRE", "a", "100");
            p.same("COPY", "a", "b");
            p.same("GET", "b");
            p.same("TTL", "b");
            p.same("COPY", "a", "b");
            p.both("SET", "c", "vc");
            p.same("COPY", "c", "b", "replace");
            p.same("GET", "b");
            p.same("TTL", "b");
            p.same("COPY", "a", "b", "REPLACE", "REPLACE");
            p.same("GET", "b");
            // Strings change in place (APPEND, SETRANGE): the copy must not share the original's bytes.
            assertThat(weftEntry(diff.weft(), 0, "b").value()).isNotSameAs(weftEntry(diff.weft(), 0, "a").value());
            p.same("DEL", "a");
            p.same("GET", "b");
        }
    }

    @Test
    void copyErrors() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "a", "va");
            p.same("COPY", "a");
            p.same("COPY", "a", "a");
            p.same("COPY", "a", "a", "DB", "0");
            p.same("COPY", "a", "b", "DB");
            p.same("COPY", "a", "b", "DB", "x");
            p.same("COPY", "a", "b", "DB", "-1");
            p.same("COPY", "a", "b", "DB", "16");
            p.same("COPY", "a", "b", "DB", "99999999999");
            p.same("COPY", "a", "b", "DB", "1.5");
            p.same("COPY", "a", "b", "FOO");
            p.same("COPY", "a", "b", "REPLACE", "DB");
            p.same("COPY", "missing", "b", "DB", "99");
            p.same("EXISTS", "b");
        }
    }

    @Test
    void copyToAnotherDatabaseKeepsValueAndDeadline() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "a", "va");
            p.both("EXPIRE", "a", "100");
            p.same("COPY", "a", "a", "DB", "1");
            p.same("COPY", "a", "a", "DB", "1");
            p.same("MOVE", "a", "1");
        }
        assertVaWithHundredSecondsLeftIn(1);
        try (var p = diff.pair()) {
            p.both("SET", "a", "newer");
            p.same("COPY", "a", "a", "db", "1", "replace");
            p.same("TTL", "a");
        }
        assertThat(redisInDb(diff.redis(), 1, "GET", "a")).isEqualTo("$5\r\nnewer\r\n");
        assertThat(redisInDb(diff.redis(), 1, "TTL", "a")).isEqualTo(":-1\r\n");
        Entry replaced = weftEntry(diff.weft(), 1, "a");
        assertThat(new String((byte[]) replaced.value())).isEqualTo("newer");
        assertThat(replaced.hasExpire()).isFalse();
    }

    @Test
    void moveTakesKeyAndDeadlineToAnotherDatabase() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "a", "va");
            p.both("EXPIRE", "a", "100");
            p.same("MOVE", "a", "2");
            p.same("EXISTS", "a");
            p.same("MOVE", "a", "2");
            p.both("SET", "a", "again");
            p.same("MOVE", "a", "2");
            p.same("GET", "a");
        }
        assertVaWithHundredSecondsLeftIn(2);
    }

    /** Key "a" in database {@code db} holds "va" and has about 100 s to live, on both servers. */
    private void assertVaWithHundredSecondsLeftIn(int db) throws Exception {
        assertThat(redisInDb(diff.redis(), db, "GET", "a")).isEqualTo("$2\r\nva\r\n");
        assertThat(redisInDb(diff.redis(), db, "TTL", "a")).isEqualTo(":100\r\n");
        Entry entry = weftEntry(diff.weft(), db, "a");
        assertThat(entry).isNotNull();
        assertThat(new String((byte[]) entry.value())).isEqualTo("va");
        assertThat(entry.expireAt() - System.currentTimeMillis()).isBetween(90_000L, 100_000L);
    }

    @Test
    void moveErrors() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "a", "va");
            p.same("MOVE", "a", "0");
            p.same("MOVE", "missing", "0");
            p.same("MOVE", "a", "x");
            p.same("MOVE", "a", "-1");
            p.same("MOVE", "a", "16");
            p.same("MOVE", "a", "4294967296");
            p.same("MOVE", "a", "");
            p.same("MOVE", "missing", "1");
            p.same("MOVE", "a");
            p.same("MOVE", "a", "1", "2");
            p.same("GET", "a");
        }
    }

    @Test
    void keysMatchesGlobsAsRedisDoes() throws Exception {
        try (var p = diff.pair()) {
            for (String key : List.of("hello", "hallo", "hxllo", "hllo", "heeello", "h*llo", "h?llo", "a\\b",
                    "key:1", "key:2", "key:10", "KEY:3", "[x]", "-", "")) {
                p.both("SET", key, "v");
            }
            for (String pattern : List.of("*", "h?llo", "h*llo", "h[ae]llo", "h[^e]llo", "h[a-b]llo", "h[b-a]llo",
                    "h\\*llo", "h\\?llo", "key:*", "KEY:*", "key:?", "key:[0-9]*", "*\\\\*", "\\[x]", "[-]",
                    "nomatch*", "h[", "h[a", "?", "", "**", "*?", "[a-]", "h[^", "[]a]", "[^]", "[", "\\", "*]")) {
                assertThat(sortedKeys(p.weftClient().call("KEYS", pattern)))
                        .as("KEYS %s", pattern)
                        .isEqualTo(sortedKeys(p.redisClient().call("KEYS", pattern)));
            }
            // Exponential without the early stop for stars; the client's read timeout would fail the test.
            p.both("SET", "a".repeat(3000), "v");
            p.same("KEYS", "a*".repeat(40) + "b");
            p.same("KEYS", "*a".repeat(40) + "*");
            p.same("KEYS");
            p.same("KEYS", "a", "b");
        }
    }

    /**
     * Random patterns over an alphabet rich in glob syntax, against keys over the same alphabet (the empty
     * key and bytes above 0x7f included), so the corners of Redis's matcher are compared: unclosed classes,
     * ranges ending in ']', escapes at the end, stars against the empty key, signed byte ranges.
     */
    @Test
    void keysGlobCornersMatchRedis() throws Exception {
        byte[] alphabet = {'a', 'b', '-', ']', '^', '*', '?', '[', '\\', (byte) 0xe9};
        java.util.Random random = new java.util.Random(7);
        try (var p = diff.pair()) {
            // Every key of up to two bytes over the alphabet, the empty key included.
            List<byte[]> keys = new java.util.ArrayList<>(List.of(new byte[0]));
            for (byte a : alphabet) {
                keys.add(new byte[] {a});
                for (byte b : alphabet) {
                    keys.add(new byte[] {a, b});
                }
            }
            for (byte[] key : keys) {
                p.redisClient().call("SET".getBytes(), key, key);
                p.weftClient().call("SET".getBytes(), key, key);
            }
            for (int i = 0; i < 1500; i++) {
                byte[] pattern = randomBytes(random, alphabet, 5);
                byte[][] command = {"KEYS".getBytes(), pattern};
                assertThat(sortedKeys(p.weftClient().call(command)))
                        .as("KEYS %s", Differential.show(pattern))
                        .isEqualTo(sortedKeys(p.redisClient().call(command)));
            }
        }
    }

    private static byte[] randomBytes(java.util.Random random, byte[] alphabet, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return bytes;
    }

    @Test
    void keysOnAnEmptyDatabase() throws Exception {
        try (var p = diff.pair()) {
            p.same("KEYS", "*");
            p.same("KEYS", "x*");
        }
    }

    @Test
    void scanSingleStepOnSmallKeyspace() throws Exception {
        try (var p = diff.pair()) {
            p.same("SCAN", "0");
            for (String key : List.of("one", "two", "three")) {
                p.both("SET", key, "v");
            }
            KeyReplies.ScanPage redis = KeyReplies.scanPage(p.redisClient().call("SCAN", "0"));
            KeyReplies.ScanPage weft = KeyReplies.scanPage(p.weftClient().call("SCAN", "0"));
            assertThat(weft.cursor()).isEqualTo(redis.cursor()).isEqualTo("0");
            assertThat(sorted(weft.keys())).isEqualTo(sorted(redis.keys())).containsExactly("one", "three", "two");
            for (String[] options : new String[][] {{"MATCH", "t*"}, {"match", "*"}, {"TYPE", "string"},
                {"TYPE", "STRING"}, {"TYPE", "none"}, {"TYPE", "hash"}, {"COUNT", "100", "MATCH", "o*"},
                {"MATCH", "x", "MATCH", "t*"}}) {
                String[] command = concat(new String[] {"SCAN", "0"}, options);
                redis = KeyReplies.scanPage(p.redisClient().call(command));
                weft = KeyReplies.scanPage(p.weftClient().call(command));
                assertThat(weft.cursor()).as(String.join(" ", command)).isEqualTo(redis.cursor());
                assertThat(sorted(weft.keys())).as(String.join(" ", command)).isEqualTo(sorted(redis.keys()));
            }
        }
    }

    @Test
    void scanCursorAndOptionErrors() throws Exception {
        try (var p = diff.pair()) {
            for (String cursor : List.of("x", " 1", "1 ", "0x1", "+", "-", "1.0", "18446744073709551616",
                    "99999999999999999999", "-18446744073709551616")) {
                p.same("SCAN", cursor);
            }
            // Valid by strtoul's rules; on an empty database every cursor ends the iteration.
            for (String cursor : List.of("", "+0", "-1", "007", "18446744073709551615", "-18446744073709551615")) {
                p.same("SCAN", cursor);
            }
            p.same("SCAN", "x", "COUNT", "0");
            p.same("SCAN");
            p.same("SCAN", "0", "COUNT");
            p.same("SCAN", "0", "COUNT", "0");
            p.same("SCAN", "0", "COUNT", "-1");
            p.same("SCAN", "0", "COUNT", "x");
            p.same("SCAN", "0", "COUNT", "99999999999999999999");
            p.same("SCAN", "0", "MATCH");
            p.same("SCAN", "0", "TYPE");
            p.same("SCAN", "0", "FOO", "bar");
            p.same("SCAN", "0", "MATCH", "*", "extra");
            p.same("SCAN", "0", "COUNT", "5", "TYPE", "string", "MATCH", "*");
        }
    }

    @Test
    void randomkeyReturnsALiveKeyOrNil() throws Exception {
        try (var p = diff.pair()) {
            p.same("RANDOMKEY");
            p.both("SET", "only", "v");
            p.same("RANDOMKEY");
            p.same("RANDOMKEY", "extra");
            p.both("SET", "other", "v");
            for (int i = 0; i < 20; i++) {
                String key = new String(p.weftClient().call("RANDOMKEY"));
                assertThat(key).isIn("$4\r\nonly\r\n", "$5\r\nother\r\n");
            }
            p.both("DEL", "only", "other");
            p.same("RANDOMKEY");
        }
    }

    @Test
    void randomkeySkipsAndDeletesExpiredKeys() throws Exception {
        List<String> dead = java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "dead:" + i).toList();
        KeyReplies.weftPutExpired(diff.weft(), 0, dead);
        try (var p = diff.pair()) {
            p.weftClient().call("SET", "live", "v");
            for (int i = 0; i < 5; i++) {
                assertThat(new String(p.weftClient().call("RANDOMKEY"))).isEqualTo("$4\r\nlive\r\n");
            }
            p.weftClient().call("DEL", "live");
            KeyReplies.weftPutExpired(diff.weft(), 0, dead);
            assertThat(new String(p.weftClient().call("RANDOMKEY"))).isEqualTo("$-1\r\n");
        }
        assertThat(KeyReplies.weftSize(diff.weft(), 0)).isZero();
    }

    @Test
    void keysAndScanSkipExpiredKeysNoOneTouched() throws Exception {
        List<String> dead = java.util.stream.IntStream.range(0, 300).mapToObj(i -> "dead:" + i).toList();
        try (var p = diff.pair()) {
            p.weftClient().call("SET", "live", "v");
            KeyReplies.weftPutExpired(diff.weft(), 0, dead);
            assertThat(sortedKeys(p.weftClient().call("KEYS", "*"))).containsExactly("live");
            KeyReplies.weftPutExpired(diff.weft(), 0, dead);
            assertThat(KeyReplies.scanAll(p.weftClient(), 1000, "COUNT", "7")).containsExactly("live");
        }
    }

    private static java.util.TreeSet<String> sortedKeys(byte[] reply) {
        return KeyReplies.sortedStrings(reply);
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
