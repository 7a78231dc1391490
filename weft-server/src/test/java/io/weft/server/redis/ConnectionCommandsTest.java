package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HELLO, AUTH (without a password), SELECT, RESET and CLIENT, compared with Redis on both engines. */
class ConnectionCommandsTest extends EngineDifferential {

    @Test
    void helloErrorsMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("HELLO", "4");
            p.same("HELLO", "1");
            p.same("HELLO", "foo");
            p.same("HELLO", "3", "blah");
            p.same("HELLO", "3", "AUTH", "default");
            p.same("HELLO", "2", "SETNAME", "a b");
            p.same("HELLO", "3", "auth", "nobody", "x");
            // Nothing above changed the protocol.
            p.same("PING");
        }
    }

    @Test
    void helloRepliesMatchRedisApartFromTheClientId() throws Exception {
        try (var p = diff.pair()) {
            p.sameButClientId("HELLO");
            p.sameButClientId("HELLO", "3");
            p.sameButClientId("HELLO");
            p.same("CLIENT", "GETNAME");
            p.sameButClientId("HELLO", "2", "SETNAME", "conn1");
            p.same("CLIENT", "GETNAME");
            p.sameButClientId("HELLO", "3", "AUTH", "default", "anything", "SETNAME", "conn2");
            p.same("CLIENT", "GETNAME");
        }
    }

    @Test
    void authWithoutAPasswordMatchesRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("AUTH", "x");
            p.same("AUTH", "a", "b", "c");
            p.same("AUTH");
            // The default user has no password: any password is accepted for it, no other user exists.
            p.same("AUTH", "default", "x");
            p.same("AUTH", "nobody", "x");
        }
    }

    @Test
    void selectMatchesRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("SELECT", "16");
            p.same("SELECT", "-1");
            p.same("SELECT", "x");
            p.same("SELECT", "99999999999");
            p.same("SELECT");
            p.same("SET", "k", "db0");
            p.same("SELECT", "1");
            p.same("GET", "k");
            p.same("SET", "k", "db1");
            p.same("SELECT", "0");
            p.same("GET", "k");
        }
    }

    @Test
    void resetMatchesRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("SELECT", "2");
            p.same("CLIENT", "SETNAME", "before");
            p.both("HELLO", "3");
            p.same("RESET");
            p.same("CLIENT", "GETNAME");
            p.same("SET", "k", "v");
            p.same("SELECT", "0");
            p.same("GET", "k");
            p.same("RESET", "x");
        }
    }

    @Test
    void clientNameCommandsMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("CLIENT", "GETNAME");
            p.same("CLIENT", "SETNAME", "a b");
            p.same("CLIENT", "SETNAME", "a\nb");
            p.same("CLIENT", "SETNAME", "caf\u00e9");
            p.same("CLIENT", "SETNAME", "worker-1");
            p.same("CLIENT", "GETNAME");
            p.same("CLIENT", "SETNAME", "");
            p.same("CLIENT", "GETNAME");
            p.same("CLIENT", "SETNAME");
            p.same("CLIENT", "GETNAME", "x");
            p.sameShape("CLIENT", "ID");
            p.same("CLIENT", "NOSUCH");
            p.same("CLIENT");
        }
    }

    @Test
    void clientListHasRedisFieldsInRedisOrder() throws Exception {
        try (var p = diff.pair()) {
            p.both("CLIENT", "SETNAME", "lister");
            String redis = Reports.text(p.redisClient().call("CLIENT", "LIST"));
            String weft = Reports.text(p.weftClient().call("CLIENT", "LIST"));
            assertThat(weft).endsWith("\n").doesNotContain("\r");
            String redisLine = line(redis, "lister");
            String weftLine = line(weft, "lister");
            assertThat(Reports.clientFields(weftLine)).isEqualTo(Reports.clientFields(redisLine));
            for (String field : List.of("name", "flags", "db", "sub", "psub", "multi", "cmd", "user", "resp")) {
                assertThat(Reports.clientValue(weftLine, field)).as(field)
                        .isEqualTo(Reports.clientValue(redisLine, field));
            }
            long id = Long.parseLong(new String(p.weftClient().call("CLIENT", "ID"), StandardCharsets.US_ASCII)
                    .substring(1).strip());
            assertThat(Reports.clientValue(weftLine, "id")).isEqualTo(Long.toString(id));
            assertThat(Reports.clientValue(weftLine, "laddr"))
                    .isEqualTo("127.0.0.1:" + diff.weft().address().getPort());
        }
    }

    @Test
    void clientInfoAndListOptionsMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            String redis = Reports.text(p.redisClient().call("CLIENT", "INFO"));
            String weft = Reports.text(p.weftClient().call("CLIENT", "INFO"));
            assertThat(Reports.clientFields(weft)).isEqualTo(Reports.clientFields(redis));
            assertThat(Reports.clientValue(weft, "cmd")).isEqualTo("client|info");
            assertThat(weft).endsWith("\n");
            p.same("CLIENT", "LIST", "TYPE", "foo");
            p.same("CLIENT", "LIST", "TYPE", "pubsub");
            p.same("CLIENT", "LIST", "TYPE", "master");
            p.same("CLIENT", "LIST", "ID", "x");
            p.same("CLIENT", "LIST", "ID", "999999");
            p.same("CLIENT", "LIST", "ID");
            p.same("CLIENT", "LIST", "foo");
            p.same("CLIENT", "INFO", "x");
        }
    }

    @Test
    void clientKillErrorsAndCountsMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("CLIENT", "KILL", "1.2.3.4:5");
            p.same("CLIENT", "KILL", "ID", "999999");
            p.same("CLIENT", "KILL", "ID", "x");
            p.same("CLIENT", "KILL", "ID", "0");
            p.same("CLIENT", "KILL", "ADDR", "1.2.3.4:5");
            p.same("CLIENT", "KILL", "LADDR", "1.1.1.1:1");
            p.same("CLIENT", "KILL", "TYPE", "foo");
            p.same("CLIENT", "KILL", "TYPE", "master");
            p.same("CLIENT", "KILL", "USER", "nobody");
            p.same("CLIENT", "KILL", "SKIPME", "maybe");
            p.same("CLIENT", "KILL", "ADDR", "1.2.3.4:5", "SKIPME");
            p.same("CLIENT", "KILL", "MAXAGE", "10");
            p.same("CLIENT", "KILL", "foo", "bar");
            p.same("CLIENT", "KILL");
            // With SKIPME (the default) the caller is spared even when every filter matches it. Earlier
            // tests' connections, closed by the client, may not be gone from either server yet: wait.
            awaitOnlyClient(p.redisClient());
            awaitOnlyClient(p.weftClient());
            p.same("CLIENT", "KILL", "USER", "default");
            p.same("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
            p.same("PING");
        }
    }

    /** Waits (up to 5 s) until {@code client} is its server's only connection, as CLIENT LIST shows. */
    private static void awaitOnlyClient(RespClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String list;
        while ((list = Reports.text(client.call("CLIENT", "LIST"))).strip().lines().count() > 1
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(list.strip().lines()).as("connections besides this test's").hasSize(1);
    }

    @Test
    void clientKillByIdClosesThatConnectionOnly() throws Exception {
        try (var killer = diff.pair(); var victim = diff.pair()) {
            killer.same("PING");
            victim.same("PING");
            String redisId = idOf(victim.redisClient());
            String weftId = idOf(victim.weftClient());
            assertThat(new String(killer.redisClient().call("CLIENT", "KILL", "ID", redisId))).isEqualTo(":1\r\n");
            assertThat(new String(killer.weftClient().call("CLIENT", "KILL", "ID", weftId))).isEqualTo(":1\r\n");
            victim.redisClient().assertClosedByServer();
            victim.weftClient().assertClosedByServer();
            killer.same("PING");
        }
    }

    @Test
    void oldStyleKillOfOneselfRepliesThenCloses() throws Exception {
        try (var p = diff.pair()) {
            String redisAddr = Reports.clientValue(Reports.text(p.redisClient().call("CLIENT", "INFO")), "addr");
            String weftAddr = Reports.clientValue(Reports.text(p.weftClient().call("CLIENT", "INFO")), "addr");
            assertThat(new String(p.redisClient().call("CLIENT", "KILL", redisAddr))).isEqualTo("+OK\r\n");
            assertThat(new String(p.weftClient().call("CLIENT", "KILL", weftAddr))).isEqualTo("+OK\r\n");
            p.redisClient().assertClosedByServer();
            p.weftClient().assertClosedByServer();
        }
    }

    @Test
    void resp3RepliesMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            p.both("HELLO", "3");
            p.same("CLIENT", "GETNAME");
            p.same("CLIENT", "LIST", "ID", "999999");
            p.same("ECHO", "x");
            String weft = new String(p.weftClient().call("CLIENT", "INFO"), StandardCharsets.UTF_8);
            assertThat(weft).startsWith("=").contains("txt:id=").contains(" resp=3\n");
            p.same("SELECT", "x");
            p.same("RESET");
            p.same("CLIENT", "GETNAME");
        }
    }

    private static String line(String list, String name) {
        for (String line : list.split("\n")) {
            if (line.contains(" name=" + name + " ")) {
                return line;
            }
        }
        throw new AssertionError("no client named " + name + " in " + list);
    }

    private static String idOf(RespClient client) throws IOException {
        return new String(client.call("CLIENT", "ID"), StandardCharsets.US_ASCII).substring(1).strip();
    }
}
