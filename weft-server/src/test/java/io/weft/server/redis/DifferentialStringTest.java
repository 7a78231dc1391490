package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Setting and getting strings compared byte for byte with real Redis 7.0, on both engines: every option
 * combination of SET and GETEX, SETNX/SETEX/PSETEX, GETSET/GETDEL, MGET/MSET/MSETNX, wrong types and
 * arity, and time-to-live effects seen through keys disappearing (Weft has no TTL command on this branch).
 * Counters, ranges and value contents are in {@link DifferentialStringContentTest}.
 */
class DifferentialStringTest extends EngineDifferential {

    static final String LONG_MAX = Long.toString(Long.MAX_VALUE);
    static final String LONG_MIN = Long.toString(Long.MIN_VALUE);
    /** 2100-01-01: an EXAT/PXAT that stays in the future. */
    private static final String FUTURE_SECONDS = "4102444800";
    private static final String FUTURE_MILLIS = "4102444800000";
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);

    // ---- GET, SET and its options ----

    @Test
    void getAndSet() throws Exception {
        try (var p = diff.pair()) {
            p.same("GET", "k");
            p.same("SET", "k", "v");
            p.same("GET", "k");
            p.same("set", "k", "");
            p.same("GET", "k");
            p.same("SET", "k", "v", "extra");
            p.same("SET", "k");
            p.same("GET", "k", "x");
            p.same("GET");
        }
    }

    /** Every ordered pair, and many triples, of SET's options, on a missing and on an existing key. */
    @Test
    void setOptionCombinations() throws Exception {
        List<String> tokens = List.of("NX", "XX", "GET", "KEEPTTL", "EX 100", "PX 100000",
                "EXAT " + FUTURE_SECONDS, "PXAT " + FUTURE_MILLIS, "nx", "Get", "PERSIST", "bogus");
        try (var p = diff.pair()) {
            for (List<String> options : combinations(tokens, 2)) {
                trySet(p, options);
            }
            for (List<String> options : combinations(tokens.subList(0, 8), 3)) {
                trySet(p, options);
            }
        }
    }

    private void trySet(Differential.Pair p, List<String> options) throws IOException {
        for (boolean exists : new boolean[] {false, true}) {
            p.both("DEL", "k");
            if (exists) {
                p.both("SET", "k", "old");
            }
            List<String> command = new ArrayList<>(List.of("SET", "k", "new"));
            options.forEach(o -> command.addAll(List.of(o.split(" "))));
            p.same(command.toArray(String[]::new));
            p.same("GET", "k");
        }
    }

    @Test
    void setExpireTimeErrors() throws Exception {
        try (var p = diff.pair()) {
            for (String unit : List.of("EX", "PX", "EXAT", "PXAT", "ex", "pXaT")) {
                for (String time : List.of("0", "-1", "abc", "1.5", "", " 1", "+1", "01", LONG_MAX, LONG_MIN,
                        "9223372036854775", "9223372036854776", "9223372036854775808", "100")) {
                    p.same("SET", "k", "v", unit, time);
                }
                p.same("SET", "k", "v", unit);
            }
            p.same("SET", "k", "v", "EX", "10", "EX", "20");
            p.same("SET", "k", "v", "EX", "0", "NX", "XX");
            p.same("SET", "k", "v", "NX", "XX", "EX", "0");
        }
    }

    @Test
    void setnxSetexPsetex() throws Exception {
        try (var p = diff.pair()) {
            p.same("SETNX", "k", "1");
            p.same("SETNX", "k", "2");
            p.same("GET", "k");
            p.same("SETNX", "k");
            p.same("SETNX", "k", "v", "NX");
            for (String command : List.of("SETEX", "PSETEX")) {
                for (String time : List.of("0", "-5", "x", LONG_MAX, "9223372036854775", "100000")) {
                    p.same(command, "e", time, "v");
                    p.same("GET", "e");
                }
                p.same(command, "e", "10");
                p.same(command, "e", "10", "v", "EX");
            }
        }
    }

    // ---- time to live, observed as keys disappearing ----

    /** A key set with a short time to live is gone once it passes, whichever command set it. */
    @Test
    void shortLivedKeysDisappear() throws Exception {
        try (var p = diff.pair()) {
            p.same("SET", "set", "v", "PX", "100");
            p.same("SET", "exat", "v", "PXAT", Long.toString(System.currentTimeMillis() + 100));
            p.same("PSETEX", "psetex", "100", "v");
            p.same("SET", "getex", "v");
            p.same("GETEX", "getex", "PX", "100");
            p.same("SET", "keepttl", "v", "PX", "100");
            p.same("SET", "keepttl", "w", "KEEPTTL");
            p.same("SET", "keepttl", "x", "GET", "KEEPTTL");
            for (String key : List.of("set", "exat", "psetex", "getex", "keepttl")) {
                awaitGone(p, key);
                p.same("GET", key);
            }
            p.same("SET", "past", "v", "PXAT", "1");
            p.same("GET", "past");
            p.same("SET", "past", "v", "EXAT", "1", "GET");
            p.same("GET", "past");
            p.same("SET", "getexat", "v");
            p.same("GETEX", "getexat", "EXAT", "1");
            p.same("GET", "getexat");
        }
    }

    /**
     * Which commands keep a key's time to live and which drop it. Every key gets the same short TTL, a
     * sentinel last; once the sentinel is gone so are the keys that kept theirs, and the rest remain.
     */
    @Test
    void commandsKeepOrDropTheTimeToLive() throws Exception {
        List<String> keep = List.of("incr", "incrby", "decr", "incrbyfloat", "append", "setrange", "keepttl");
        List<String> drop = List.of("set", "getset", "persist", "setnx-fails-then-set", "mset");
        try (var p = diff.pair()) {
            for (String key : concat(keep, drop)) {
                p.same("SET", key, "5", "PX", "150");
            }
            p.same("INCR", "incr");
            p.same("INCRBY", "incrby", "7");
            p.same("DECR", "decr");
            p.same("INCRBYFLOAT", "incrbyfloat", "0.5");
            p.same("APPEND", "append", "x");
            p.same("SETRANGE", "setrange", "0", "9");
            p.same("SET", "keepttl", "6", "KEEPTTL");
            p.same("SET", "set", "6");
            p.same("GETSET", "getset", "6");
            p.same("GETEX", "persist", "PERSIST");
            p.same("SETNX", "setnx-fails-then-set", "6");
            p.same("SET", "setnx-fails-then-set", "6", "XX");
            p.same("MSET", "mset", "6", "other", "7");
            p.same("SET", "sentinel", "v", "PX", "150");
            awaitGone(p, "sentinel");
            for (String key : concat(keep, drop)) {
                p.same("GET", key);
            }
        }
    }

    // ---- GETSET, GETDEL, GETEX ----

    @Test
    void getsetAndGetdel() throws Exception {
        try (var p = diff.pair()) {
            p.same("GETSET", "k", "1");
            p.same("GETSET", "k", "2");
            p.same("GET", "k");
            p.same("GETDEL", "k");
            p.same("GETDEL", "k");
            p.same("GET", "k");
            p.same("GETSET", "k");
            p.same("GETDEL", "k", "x");
        }
    }

    @Test
    void getexOptionCombinations() throws Exception {
        List<String> tokens = List.of("PERSIST", "EX 100", "PX 100000", "EXAT " + FUTURE_SECONDS,
                "PXAT " + FUTURE_MILLIS, "persist", "NX", "KEEPTTL", "GET", "EX 0", "PX x", "EX");
        try (var p = diff.pair()) {
            p.same("GETEX");
            for (List<String> options : combinations(tokens, 2)) {
                for (boolean exists : new boolean[] {false, true}) {
                    p.both("DEL", "k");
                    if (exists) {
                        p.both("SET", "k", "v");
                    }
                    List<String> command = new ArrayList<>(List.of("GETEX", "k"));
                    options.forEach(o -> command.addAll(List.of(o.split(" "))));
                    p.same(command.toArray(String[]::new));
                    p.same("GET", "k");
                }
            }
            p.same("GETEX", "k");
            p.same("GETEX", "k", "EX", LONG_MAX);
            p.same("GETEX", "k", "PXAT", LONG_MAX);
            p.same("GETEX", "k", "EXAT", "9223372036854776");
        }
    }

    // ---- MGET, MSET, MSETNX ----

    @Test
    void multiKeyCommands() throws Exception {
        try (var p = diff.pair()) {
            p.same("MSET", "a", "1", "b", "2", "a", "3");
            p.same("MGET", "a", "b", "c", "a");
            p.same("MSET", "a");
            p.same("MSET", "a", "1", "b");
            p.same("MSETNX", "a", "1", "b");
            p.same("MSETNX", "c", "1", "a", "9");
            p.same("MGET", "a", "b", "c");
            p.same("MSETNX", "c", "1", "d", "2", "c", "3");
            p.same("MGET", "c", "d");
            p.same("MGET");
            List<String> many = new ArrayList<>(List.of("MSET"));
            List<String> keys = new ArrayList<>(List.of("MGET"));
            for (int i = 0; i < 200; i++) {
                many.addAll(List.of("key:" + i, "value:" + i));
                keys.add("key:" + (i * 7 % 250));
            }
            p.same(many.toArray(String[]::new));
            p.same(keys.toArray(String[]::new));
        }
    }

    // ---- wrong type and arity ----

    /** A key of another type (a list in Redis, a stand-in value in Weft) is refused by every command. */
    @Test
    void wrongTypeKeys() throws Exception {
        try (var p = diff.pair()) {
            p.redisClient().call("RPUSH", "list", "x");
            putNonStringInWeft("list");
            String[][] commands = {
                {"GET", "list"}, {"SET", "list", "v", "GET"}, {"SET", "list", "v", "NX"},
                {"SET", "list", "v", "GET", "EX", "0"}, {"SETNX", "list", "v"}, {"GETSET", "list", "v"},
                {"GETDEL", "list"}, {"GETEX", "list"}, {"GETEX", "list", "EX", "0"}, {"GETEX", "list", "bogus"},
                {"MGET", "list", "nothing"}, {"MSETNX", "list", "1", "other", "2"}, {"APPEND", "list", "x"},
                {"STRLEN", "list"}, {"INCR", "list"}, {"DECR", "list"}, {"INCRBY", "list", "1"},
                {"INCRBY", "list", "x"}, {"DECRBY", "list", LONG_MIN}, {"INCRBYFLOAT", "list", "1"},
                {"INCRBYFLOAT", "list", "x"}, {"GETRANGE", "list", "0", "1"}, {"GETRANGE", "list", "x", "1"},
                {"SUBSTR", "list", "0", "1"}, {"SETRANGE", "list", "0", "x"}, {"SETRANGE", "list", "0", ""},
                {"SETRANGE", "list", "-1", "x"}, {"MGET", "other"},
            };
            for (String[] command : commands) {
                p.same(command);
            }
            p.same("SET", "list", "now a string");
            p.same("GET", "list");
        }
    }

    @Test
    void wrongArity() throws Exception {
        String[][] commands = {
            {"GET"}, {"SET", "k"}, {"SETNX", "k"}, {"SETEX", "k", "1"}, {"PSETEX", "k", "1"}, {"MGET"},
            {"MSET"}, {"MSET", "k"}, {"MSETNX", "k"}, {"MSETNX", "a", "1", "b"}, {"GETSET", "k"},
            {"GETDEL"}, {"GETEX"}, {"APPEND", "k"}, {"STRLEN"}, {"INCR"}, {"DECR", "a", "b"}, {"INCRBY", "k"},
            {"DECRBY", "k"}, {"INCRBYFLOAT", "k"}, {"GETRANGE", "k", "0"}, {"SUBSTR", "k"},
            {"SETRANGE", "k", "0"}, {"setrange", "k", "0", "a", "b"},
        };
        try (var p = diff.pair()) {
            for (String[] command : commands) {
                p.same(command);
            }
        }
    }

    /** Polls GET on each server until the key is gone, with a deadline; real time must pass for a TTL. */
    static void awaitGone(Differential.Pair p, String key) throws Exception {
        for (RespClient client : List.of(p.redisClient(), p.weftClient())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!Arrays.equals(client.call("GET", key), NULL_BULK)) {
                if (System.nanoTime() > deadline) {
                    fail("key %s did not expire within 5 s on %s", key,
                            client == p.redisClient() ? "Redis" : "Weft");
                }
                Thread.sleep(2); // polling a clock, not waiting for another thread's work
            }
        }
    }

    /** Every ordered selection, with repetition, of {@code size} tokens. */
    static List<List<String>> combinations(List<String> tokens, int size) {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (int i = 0; i < size; i++) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String token : tokens) {
                    List<String> next = new ArrayList<>(prefix);
                    next.add(token);
                    longer.add(next);
                }
            }
            result = longer;
        }
        assertThat(result).hasSize((int) Math.pow(tokens.size(), size));
        return result;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
