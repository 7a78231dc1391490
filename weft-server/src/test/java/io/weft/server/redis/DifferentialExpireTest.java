package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (NX/XX/GT/LT), TTL, PTTL, EXPIRETIME, PEXPIRETIME and PERSIST
 * compared byte for byte with Redis 7.0. Relative times far from a rounding edge (100 s) make TTL exact;
 * PTTL, which depends on each server's clock, is compared by shape. On both engines.
 */
class DifferentialExpireTest extends EngineDifferential {

    /** Far in the future (2033), an exact absolute deadline for both servers. */
    private static final String AT_SECONDS = "2000000000";

    @Test
    void ttlFamilyOnMissingAndPersistentKeys() throws Exception {
        try (var p = diff.pair()) {
            for (String command : new String[] {"TTL", "PTTL", "EXPIRETIME", "PEXPIRETIME"}) {
                p.same(command, "missing");
                p.both("SET", "k", "v");
                p.same(command, "k");
                p.same(command);
                p.same(command, "k", "extra");
            }
        }
    }

    @Test
    void relativeDeadlines() throws Exception {
        try (var p = diff.pair()) {
            p.same("EXPIRE", "missing", "100");
            p.both("SET", "k", "v");
            p.same("EXPIRE", "k", "100");
            p.same("TTL", "k");
            p.sameShape("PTTL", "k");
            p.same("PEXPIRE", "k", "200000");
            p.same("TTL", "k");
            p.same("PEXPIRE", "k", "1200");
            p.same("TTL", "k");
            p.both("SET", "k", "again");
            p.same("TTL", "k");
        }
    }

    @Test
    void absoluteDeadlinesReadBackExactly() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "k", "v");
            p.same("EXPIREAT", "k", AT_SECONDS);
            p.same("EXPIRETIME", "k");
            p.same("PEXPIRETIME", "k");
            p.same("PEXPIREAT", "k", "2000000000123");
            p.same("EXPIRETIME", "k");
            p.same("PEXPIRETIME", "k");
            // EXPIRETIME rounds to the nearest second, as TTL does.
            p.same("PEXPIREAT", "k", "2000000000500");
            p.same("EXPIRETIME", "k");
            p.same("PEXPIREAT", "k", "2000000000499");
            p.same("EXPIRETIME", "k");
        }
    }

    @Test
    void aDeadlineInThePastDeletesTheKey() throws Exception {
        try (var p = diff.pair()) {
            for (String[] command : new String[][] {{"EXPIRE", "k", "-1"}, {"EXPIRE", "k", "0"},
                {"PEXPIRE", "k", "-100"}, {"PEXPIRE", "k", "0"}, {"EXPIREAT", "k", "1"}, {"PEXPIREAT", "k", "0"},
                {"PEXPIREAT", "k", "-9223372036854775808"}, {"EXPIRE", "k", "-9223372036854775"},
                {"EXPIRE", "k", "-5", "NX"}, {"EXPIRE", "k", "-5", "LT"}}) {
                p.both("SET", "k", "v");
                p.same(command);
                p.same("EXISTS", "k");
                p.same("TTL", "k");
            }
        }
    }

    @Test
    void nxAndXxLookAtWhetherThereIsADeadline() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "k", "v");
            p.same("EXPIRE", "k", "100", "XX");
            p.same("TTL", "k");
            p.same("EXPIRE", "k", "100", "NX");
            p.same("TTL", "k");
            p.same("EXPIRE", "k", "200", "nx");
            p.same("TTL", "k");
            p.same("EXPIRE", "k", "300", "xx");
            p.same("TTL", "k");
            p.same("EXPIRE", "k", "400", "NX", "NX");
            p.same("EXPIRE", "missing", "100", "NX");
            p.same("EXPIRE", "missing", "100", "XX");
        }
    }

    @Test
    void gtAndLtCountNoDeadlineAsInfinite() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "k", "v");
            p.same("EXPIRE", "k", "100", "GT");
            p.same("TTL", "k");
            p.same("EXPIRE", "k", "100", "LT");
            p.same("TTL", "k");
            p.same("EXPIRE", "k", "100", "LT");
            p.same("EXPIRE", "k", "50", "GT");
            // 101, not 100: whether "100 GT" is greater depends on a millisecond passing in between.
            p.same("EXPIRE", "k", "101", "GT");
            p.same("EXPIRE", "k", "200", "GT");
            p.same("TTL", "k");
            p.same("EXPIRE", "k", "300", "LT");
            p.same("EXPIRE", "k", "150", "lt");
            p.same("TTL", "k");
            p.same("EXPIRE", "k", "500", "XX", "GT");
            p.same("TTL", "k");
            p.same("EXPIRE", "k", "-1", "GT");
            p.same("EXISTS", "k");
            p.same("EXPIRE", "missing", "100", "LT");
        }
    }

    @Test
    void optionErrorsComeBeforeTheNumber() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "k", "v");
            for (String command : new String[] {"EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT"}) {
                p.same(command, "k", "abc");
                p.same(command, "k", "1.5");
                p.same(command, "k", "", "");
                p.same(command, "k", "10", "FOO");
                p.same(command, "k", "abc", "FOO");
                p.same(command, "k", "10", "NX", "XX");
                p.same(command, "k", "10", "NX", "GT");
                p.same(command, "k", "10", "lt", "nx");
                p.same(command, "k", "10", "GT", "LT");
                p.same(command, "k", "abc", "GT", "LT");
                p.same(command, "k", "10", "XX", "bad", "NX");
                p.same(command, "k", "10", "NX", "XX", "GT", "LT");
                p.same(command, "k");
                p.same(command);
            }
            p.same("TTL", "k");
        }
    }

    @Test
    void overflowingTimesAreRefused() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "k", "v");
            for (String[] command : new String[][] {{"EXPIRE", "k", "9223372036854775807"},
                {"EXPIRE", "k", "9223372036854775"}, {"EXPIRE", "k", "9223372036854776"},
                {"EXPIRE", "k", "-9223372036854776"}, {"EXPIRE", "k", "-9223372036854775808"},
                {"PEXPIRE", "k", "9223372036854775807"}, {"PEXPIRE", "k", "9223372036854775000"},
                {"EXPIREAT", "k", "9223372036854776"}, {"EXPIREAT", "k", "-9223372036854776"},
                {"EXPIRE", "k", "9223372036854775808"}, {"PEXPIREAT", "k", "9223372036854775808"},
                {"EXPIRE", "missing", "9223372036854775807"}}) {
                p.same(command);
            }
            p.same("TTL", "k");
            p.same("EXPIREAT", "k", "9223372036854775");
            p.same("PEXPIRETIME", "k");
            p.same("EXPIRETIME", "k");
            p.same("PEXPIREAT", "k", "9223372036854775807");
            p.same("PEXPIRETIME", "k");
            p.same("EXPIRETIME", "k");
            p.sameShape("PTTL", "k");
            p.sameShape("TTL", "k");
        }
    }

    @Test
    void persistRemovesTheDeadline() throws Exception {
        try (var p = diff.pair()) {
            p.same("PERSIST", "missing");
            p.both("SET", "k", "v");
            p.same("PERSIST", "k");
            p.same("EXPIRE", "k", "100");
            p.same("PERSIST", "k");
            p.same("TTL", "k");
            p.same("PERSIST", "k");
            p.same("GET", "k");
            p.same("PERSIST");
            p.same("PERSIST", "k", "extra");
        }
    }

    @Test
    void aKeyIsGoneOnceItsDeadlinePasses() throws Exception {
        try (var p = diff.pair()) {
            p.both("SET", "short", "v");
            p.both("SET", "long", "v");
            p.same("PEXPIRE", "short", "30");
            p.same("EXPIRE", "long", "100");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (new String(p.weftClient().call("EXISTS", "short")).equals(":1\r\n")
                    || new String(p.redisClient().call("EXISTS", "short")).equals(":1\r\n")) {
                assertThat(System.nanoTime()).as("key with PEXPIRE 30 still there after 5 s").isLessThan(deadline);
                Thread.onSpinWait();
            }
            p.same("GET", "short");
            p.same("TTL", "short");
            p.same("PTTL", "short");
            p.same("EXPIRETIME", "short");
            p.same("PERSIST", "short");
            p.same("EXPIRE", "short", "100");
            p.same("GET", "long");
            p.same("TTL", "long");
        }
    }
}
