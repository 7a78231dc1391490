package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.resp.RespReplyDecoder;
import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespValue;
import io.weft.server.redis.keyspace.Entry;
import io.weft.server.redis.keyspace.Keyspace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reply parsing and in-process peeks for the key-command tests: KEYS and SCAN replies whose order is
 * unspecified are compared as sorted sets, and databases Weft cannot SELECT yet are read in process.
 */
final class KeyReplies {

    /** One SCAN reply: the next cursor and the keys of this page. */
    record ScanPage(String cursor, List<String> keys) {
    }

    private KeyReplies() {
    }

    static RespValue decode(byte[] reply) {
        try {
            return new RespReplyDecoder().decode(ByteBuffer.wrap(reply));
        } catch (Exception e) {
            throw new AssertionError("not a RESP reply: " + Differential.show(reply), e);
        }
    }

    /** The bulk strings of an array reply, sorted; each byte becomes one char so binary keys survive. */
    static TreeSet<String> sortedStrings(byte[] reply) {
        RespValue value = decode(reply);
        assertThat(value).as("reply %s", Differential.show(reply)).isInstanceOf(RespValue.ArrayValue.class);
        TreeSet<String> strings = new TreeSet<>();
        for (RespValue element : ((RespValue.ArrayValue) value).elements()) {
            strings.add(text(element));
        }
        return strings;
    }

    static ScanPage scanPage(byte[] reply) {
        RespValue value = decode(reply);
        assertThat(value).as("SCAN reply %s", Differential.show(reply)).isInstanceOf(RespValue.ArrayValue.class);
        List<RespValue> parts = ((RespValue.ArrayValue) value).elements();
        assertThat(parts).hasSize(2);
        List<String> keys = new ArrayList<>();
        for (RespValue key : ((RespValue.ArrayValue) parts.get(1)).elements()) {
            keys.add(text(key));
        }
        return new ScanPage(text(parts.get(0)), keys);
    }

    /**
     * Runs a whole SCAN iteration with the given options and returns every key seen, sorted. Fails if the
     * iteration does not end within {@code maxCalls} calls.
     */
    static TreeSet<String> scanAll(RespClient client, int maxCalls, String... options) throws IOException {
        TreeSet<String> seen = new TreeSet<>();
        String cursor = "0";
        for (int calls = 0; calls < maxCalls; calls++) {
            String[] command = new String[options.length + 2];
            command[0] = "SCAN";
            command[1] = cursor;
            System.arraycopy(options, 0, command, 2, options.length);
            ScanPage page = scanPage(client.call(command));
            seen.addAll(page.keys());
            cursor = page.cursor();
            if (cursor.equals("0")) {
                return seen;
            }
        }
        throw new AssertionError("SCAN did not finish in " + maxCalls + " calls");
    }

    private static String text(RespValue value) {
        assertThat(value).isInstanceOf(RespValue.BulkString.class);
        return new String(((RespValue.BulkString) value).value(), StandardCharsets.ISO_8859_1);
    }

    /** Weft's entry for {@code key} in database {@code db}, read under the key's stripe lock; null if absent. */
    static Entry weftEntry(RedisServer weft, int db, String key) {
        Keyspace keyspace = weft.state().keyspace();
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        long stripe = Keyspace.stripeBit(RespRequest.hash(bytes));
        keyspace.lock(stripe);
        try {
            return keyspace.database(db).lookup(bytes, System.currentTimeMillis());
        } finally {
            keyspace.unlock(stripe);
        }
    }

    /** Weft's number of keys in a database (expired ones not yet removed included), read under every lock. */
    static long weftSize(RedisServer weft, int db) {
        Keyspace keyspace = weft.state().keyspace();
        keyspace.lock(Keyspace.ALL_STRIPES);
        try {
            return keyspace.database(db).size();
        } finally {
            keyspace.unlock(Keyspace.ALL_STRIPES);
        }
    }

    /** Runs one command in another database of the real Redis, which (unlike Weft so far) has SELECT. */
    static String redisInDb(RealRedis redis, int db, String... command) throws IOException {
        try (RespClient client = new RespClient(redis.address())) {
            assertThat(new String(client.call("SELECT", Integer.toString(db)), StandardCharsets.UTF_8))
                    .isEqualTo("+OK\r\n");
            return new String(client.call(command), StandardCharsets.UTF_8);
        }
    }

    /** Stores string keys in Weft directly, with a deadline already past: expired keys nobody has touched yet. */
    static void weftPutExpired(RedisServer weft, int db, List<String> keys) {
        Keyspace keyspace = weft.state().keyspace();
        long now = System.currentTimeMillis();
        keyspace.lock(Keyspace.ALL_STRIPES);
        try {
            for (String key : keys) {
                byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
                keyspace.database(db).put(bytes, bytes, now - 1000, now);
            }
        } finally {
            keyspace.unlock(Keyspace.ALL_STRIPES);
        }
    }
}
