package io.weft.server.redis;

import static io.weft.server.redis.DifferentialStringTest.LONG_MAX;
import static io.weft.server.redis.DifferentialStringTest.LONG_MIN;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Commands that work on a string's content, compared byte for byte with real Redis 7.0 on both engines:
 * APPEND and STRLEN, the integer and float counters with their edges, GETRANGE/SUBSTR/SETRANGE with their
 * limits, binary keys and values, and values of a mebibyte and more.
 */
class DifferentialStringContentTest extends EngineDifferential {

    // ---- APPEND, STRLEN ----

    @Test
    void appendAndStrlen() throws Exception {
        try (var p = diff.pair()) {
            p.same("STRLEN", "k");
            p.same("APPEND", "k", "");
            p.same("GET", "k");
            p.same("APPEND", "k", "Hello");
            p.same("APPEND", "k", " World");
            p.same("GET", "k");
            p.same("STRLEN", "k");
            p.same("SET", "n", "12");
            p.same("APPEND", "n", "34");
            p.same("INCR", "n");
            p.same("APPEND", "k");
            p.same("STRLEN", "k", "x");
        }
    }

    // ---- counters ----

    @Test
    void integerCounters() throws Exception {
        try (var p = diff.pair()) {
            p.same("INCR", "n");
            p.same("DECR", "n");
            p.same("DECR", "n");
            p.same("INCRBY", "n", "100");
            p.same("DECRBY", "n", "-5");
            p.same("GET", "n");
            for (String bad : List.of("", " 1", "1 ", "+1", "01", "-0", "1.0", "1e3", "abc", "99999999999999999999",
                    "9223372036854775808", "-9223372036854775809", "0x10")) {
                p.same("INCRBY", "n", bad);
                p.same("DECRBY", "n", bad);
                p.same("SET", "bad", bad);
                p.same("INCR", "bad");
                p.same("DECRBY", "bad", "1");
            }
            p.same("INCR", "n", "1");
            p.same("INCRBY", "n");
        }
    }

    @Test
    void integerOverflow() throws Exception {
        try (var p = diff.pair()) {
            p.same("SET", "max", LONG_MAX);
            p.same("INCR", "max");
            p.same("INCRBY", "max", "0");
            p.same("DECRBY", "max", "-1");
            p.same("INCRBY", "max", "-1");
            p.same("SET", "min", LONG_MIN);
            p.same("DECR", "min");
            p.same("INCRBY", "min", "-1");
            p.same("INCRBY", "min", LONG_MAX);
            p.same("DECRBY", "min", LONG_MIN);
            p.same("DECRBY", "missing", LONG_MIN);
            p.same("DECRBY", "zero", LONG_MAX);
            p.same("DECR", "zero");
            p.same("INCRBY", "new", LONG_MIN);
            p.same("INCRBY", "new", "1");
            p.same("GET", "new");
        }
    }

    /** INCRBYFLOAT with operands whose double sums print as Redis's long double sums do. */
    @Test
    void floatCounter() throws Exception {
        try (var p = diff.pair()) {
            p.same("SET", "f", "10.50");
            p.same("INCRBYFLOAT", "f", "0.1");
            p.same("INCRBYFLOAT", "f", "-5");
            p.same("GET", "f");
            p.same("INCRBYFLOAT", "f", "-5.6");
            p.same("GET", "f");
            p.same("INCRBYFLOAT", "g", "5.0e3");
            p.same("INCRBYFLOAT", "g", "2.0e2");
            p.same("INCRBYFLOAT", "g", "0x10");
            p.same("INCR", "g");
            p.same("INCRBYFLOAT", "h", "-0.0");
            p.same("INCRBYFLOAT", "i", "1e17");
            p.same("INCRBYFLOAT", "j", "1.5e17");
            p.same("INCRBYFLOAT", "k", "-1e-5");
            p.same("INCRBYFLOAT", "l", "1e-18");
            p.same("INCRBYFLOAT", "big", "72057594037927936");
            p.same("INCRBYFLOAT", "big", "16");
            p.same("INCRBYFLOAT", "m", "3");
            p.same("INCRBYFLOAT", "m", "1.25");
            p.same("INCR", "m");
            for (String bad : List.of("", " 1", "1 ", "abc", "nan", "1e400x", "--1", "0x", "1e")) {
                p.same("INCRBYFLOAT", "f", bad);
                p.same("SET", "bad", bad);
                p.same("INCRBYFLOAT", "bad", "1");
            }
            for (String infinite : List.of("inf", "-inf", "Infinity", "+INF")) {
                p.same("INCRBYFLOAT", "f", infinite);
            }
            p.same("GET", "f");
            p.same("INCRBYFLOAT", "f");
        }
    }

    /** Redis reads INCRBYFLOAT operands of 5120 bytes or more as no number at all. */
    @Test
    void floatCounterOperandLength() throws Exception {
        String zeros = "0".repeat(5119);
        try (var p = diff.pair()) {
            p.same("INCRBYFLOAT", "a", zeros);
            p.same("INCRBYFLOAT", "a", zeros + "1");
            p.same("SET", "b", zeros + "1");
            p.same("INCRBYFLOAT", "b", "1");
            p.same("SET", "b", zeros);
            p.same("INCRBYFLOAT", "b", "1");
        }
    }

    // ---- GETRANGE, SUBSTR, SETRANGE ----

    @Test
    void getrangeAndSubstr() throws Exception {
        List<String> indices = List.of("0", "1", "3", "5", "-1", "-3", "-5", "-100", "100", LONG_MAX, LONG_MIN);
        try (var p = diff.pair()) {
            p.same("SET", "s", "Hello World");
            p.same("SET", "one", "x");
            p.same("SET", "empty", "");
            p.same("SET", "n", "-12345");
            for (String key : List.of("s", "one", "empty", "n", "missing")) {
                for (String start : indices) {
                    for (String end : indices) {
                        p.same("GETRANGE", key, start, end);
                    }
                }
                p.same("SUBSTR", key, "1", "3");
            }
            p.same("GETRANGE", "s", "a", "1");
            p.same("GETRANGE", "s", "0", "1.5");
            p.same("GETRANGE", "s", "0", "9223372036854775808");
            p.same("GETRANGE", "s", "0");
            p.same("SUBSTR", "s", "0", "1", "2");
        }
    }

    @Test
    void setrange() throws Exception {
        try (var p = diff.pair()) {
            p.same("SETRANGE", "k", "0", "");
            p.same("GET", "k");
            p.same("SETRANGE", "k", "5", "ab");
            p.same("GET", "k");
            p.same("SETRANGE", "k", "1", "XYZ");
            p.same("SETRANGE", "k", "0", "");
            p.same("SETRANGE", "k", "20", "");
            p.same("GET", "k");
            p.same("SET", "s", "Hello World");
            p.same("SETRANGE", "s", "6", "Redis");
            p.same("SETRANGE", "s", "11", "!");
            p.same("GET", "s");
            p.same("SET", "n", "12");
            p.same("SETRANGE", "n", "1", "9");
            p.same("INCR", "n");
            // Offsets that would make a 512 MiB string are left out: both servers would have to build it.
            for (String offset : List.of("-1", "x", "1.5", "9223372036854775808", LONG_MAX, "536870912",
                    "536870911")) {
                p.same("SETRANGE", "s", offset, "xx");
                p.same("SETRANGE", "s", offset, "");
                p.same("SETRANGE", "new", offset, "xx");
                p.same("SETRANGE", "new", offset, "");
                p.same("GET", "new");
            }
            p.same("SETRANGE", "s", "0");
        }
    }

    // ---- binary and large values ----

    @Test
    void binaryKeysAndValues() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        byte[] key = {0, (byte) 0xff, '\r', '\n', ' ', 'k'};
        byte[] other = {(byte) 0x80, 0, 0};
        try (var p = diff.pair()) {
            p.same(b("SET"), key, all);
            p.same(b("GET"), key);
            p.same(b("STRLEN"), key);
            p.same(b("APPEND"), key, new byte[] {0, '\r', '\n'});
            p.same(b("GETRANGE"), key, b("250"), b("-1"));
            p.same(b("SETRANGE"), key, b("10"), new byte[] {(byte) 0xfe, 0});
            p.same(b("GET"), key);
            p.same(b("MSET"), other, all, b("plain"), new byte[] {0});
            p.same(b("MGET"), key, other, b("plain"));
            p.same(b("GETSET"), other, new byte[] {(byte) 0xc3, (byte) 0x28});
            p.same(b("GETEX"), other, b("PERSIST"));
            p.same(b("GETDEL"), other);
            p.same(b("SETNX"), other, all);
            p.same(b("INCR"), other);
        }
    }

    @Test
    void mebibyteValues() throws Exception {
        byte[] big = new byte[1 << 20];
        new Random(7).nextBytes(big);
        try (var p = diff.pair()) {
            p.same(b("SET"), b("big"), big);
            p.same(b("GET"), b("big"));
            p.same(b("APPEND"), b("big"), big);
            p.same(b("STRLEN"), b("big"));
            p.same(b("GETRANGE"), b("big"), b("1048000"), b("1049000"));
            p.same(b("SETRANGE"), b("big"), b("3145728"), b("end"));
            p.same(b("STRLEN"), b("big"));
            p.same(b("GETRANGE"), b("big"), b("2097000"), b("2097200"));
            p.same(b("GETSET"), b("big"), b("small"));
        }
    }

}
