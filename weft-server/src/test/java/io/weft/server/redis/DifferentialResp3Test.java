package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every command family again after {@code HELLO 3}, compared byte for byte with Redis: RESP3 changes the
 * null, map, set, double, boolean and push shapes, and each family must use the right one.
 */
class DifferentialResp3Test extends EngineDifferential {

    private Differential.Pair resp3() throws Exception {
        Differential.Pair p = diff.pair();
        p.sameShape("HELLO", "3");
        return p;
    }

    @Test
    void stringsInResp3() throws Exception {
        try (var p = resp3()) {
            p.same("GET", "missing");
            p.same("SET", "s", "10");
            p.same("SET", "s", "11", "GET");
            p.same("SET", "new", "1", "NX", "GET");
            p.same("SET", "s", "12", "NX");
            p.same("MGET", "s", "missing", "new");
            p.same("INCRBYFLOAT", "s", "0.5");
            p.same("GETDEL", "missing");
            p.same("GETEX", "missing", "PERSIST");
            p.same("GETRANGE", "s", "0", "-1");
            p.same("INCR", "s");
            p.same("MSETNX", "a", "1", "s", "2");
            p.same("SETNX", "a", "1");
            p.same("APPEND", "a", "xyz");
        }
    }

    @Test
    void keysAndExpiryInResp3() throws Exception {
        try (var p = resp3()) {
            p.both("MSET", "k1", "a", "k2", "b");
            p.same("EXISTS", "k1", "k2", "nope");
            p.same("TYPE", "k1");
            p.same("TYPE", "nope");
            p.same("DBSIZE");
            p.same("KEYS", "nope*");
            p.same("SCAN", "0", "MATCH", "nope*");
            p.same("EXPIRE", "k1", "100");
            p.same("TTL", "k1");
            p.same("PERSIST", "k1");
            p.same("TTL", "nope");
            p.same("EXPIRETIME", "k2");
            p.same("COPY", "k1", "k3");
            p.same("RENAMENX", "k3", "k2");
            p.same("RENAME", "nope", "x");
            p.same("MOVE", "k3", "1");
        }
    }

    @Test
    void transactionsInResp3() throws Exception {
        try (var p = resp3(); var other = diff.pair()) {
            p.same("MULTI");
            p.same("SET", "t", "1");
            p.same("GET", "t");
            p.same("GET", "t-missing");
            p.same("INCRBYFLOAT", "t", "1.5");
            p.same("EXEC");
            p.same("WATCH", "t");
            other.both("SET", "t", "changed");
            p.same("MULTI");
            p.same("GET", "t");
            p.same("EXEC");
            p.same("EXEC");
        }
    }

    @Test
    void pubSubInResp3() throws Exception {
        try (var p = resp3(); var publisher = diff.pair()) {
            p.same("SUBSCRIBE", "news");
            p.same("PSUBSCRIBE", "n*");
            // In RESP3 a subscribed client may run any command.
            p.same("GET", "missing");
            p.same("PING");
            assertThat(publisher.same("PUBLISH", "news", "hi")).isEqualTo(":2\r\n");
            p.sameNext();
            p.sameNext();
            p.same("UNSUBSCRIBE", "news");
            p.same("PUNSUBSCRIBE");
            p.same("UNSUBSCRIBE");
        }
    }

    @Test
    void serverCommandsInResp3() throws Exception {
        try (var p = resp3()) {
            p.same("CONFIG", "GET", "databases");
            p.same("CONFIG", "GET", "no-such-parameter");
            p.same("CLIENT", "GETNAME");
            p.same("CLIENT", "SETNAME", "r3");
            p.same("CLIENT", "GETNAME");
            p.same("PUBSUB", "NUMSUB", "x");
            p.same("PUBSUB", "CHANNELS");
            p.same("FUNCTION", "LIST");
            p.same("DBSIZE");
            p.sameShape("TIME");
            p.same("RESET");
            p.same("GET", "after-reset");
        }
    }

}
