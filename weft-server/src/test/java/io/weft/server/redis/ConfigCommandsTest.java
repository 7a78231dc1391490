package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.resp.RespValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CONFIG GET, SET and their effects, compared with Redis on both engines. */
class ConfigCommandsTest extends EngineDifferential {

    @AfterEach
    void restoreDefaults() throws Exception {
        try (var p = diff.pair()) {
            p.both("CONFIG", "SET", "timeout", "0", "hz", "10", "proto-max-bulk-len", "512mb");
        }
    }

    @Test
    void getMatchesRedisForSharedSettings() throws Exception {
        try (var p = diff.pair()) {
            for (String name : new String[] {"timeout", "requirepass", "hz", "proto-max-bulk-len", "databases",
                    "appendonly", "save", "maxclients", "maxmemory", "maxmemory-policy", "bind", "nosuch",
                    "TIMEOUT", "time*", "proto*", "Time?ut", "[t]imeout"}) {
                p.same("CONFIG", "GET", name);
            }
            p.same("CONFIG", "GET", "timeout", "TIMEOUT", "time*");
            p.same("CONFIG", "GET");
            p.same("CONFIG", "NOSUCH");
            p.same("CONFIG");
            assertThat(configGet(p.weftClient(), "port"))
                    .isEqualTo(Integer.toString(diff.weft().address().getPort()));
            assertThat(configGet(p.weftClient(), "protected-mode")).isEqualTo("yes");
        }
    }

    @Test
    void severalPatternsGiveTheSameSettingsAsRedis() throws Exception {
        try (var p = diff.pair()) {
            // Redis orders a multi-pattern reply by its hash table; compare the settings, not the order.
            String[] command = {"CONFIG", "GET", "hz", "timeout", "databases", "save", "appendonly", "nosuch"};
            assertThat(settings(p.weftClient().call(command))).isEqualTo(settings(p.redisClient().call(command)));
        }
    }

    @Test
    void setErrorsMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("CONFIG", "SET", "foo", "bar");
            p.same("CONFIG", "SET", "timeout");
            p.same("CONFIG", "SET", "timeout", "0", "hz");
            p.same("CONFIG", "SET", "timeout", "abc");
            p.same("CONFIG", "SET", "timeout", "-1");
            p.same("CONFIG", "SET", "timeout", "00010");
            p.same("CONFIG", "SET", "timeout", "+5");
            p.same("CONFIG", "SET", "timeout", "2147483648");
            p.same("CONFIG", "SET", "hz", "1.5");
            p.same("CONFIG", "SET", "hz", "-1");
            p.same("CONFIG", "SET", "databases", "3");
            p.same("CONFIG", "SET", "databases", "16");
            p.same("CONFIG", "SET", "protected-mode", "maybe");
            p.same("CONFIG", "SET", "proto-max-bulk-len", "10");
            p.same("CONFIG", "SET", "proto-max-bulk-len", "abc");
            p.same("CONFIG", "SET", "proto-max-bulk-len", "1.5mb");
            p.same("CONFIG", "SET", "maxclients", "0");
            p.same("CONFIG", "SET", "maxclients", "abc");
            p.same("CONFIG", "SET", "port", "abc");
            p.same("CONFIG", "SET", "port", "70000");
            p.same("CONFIG", "SET", "timeout", "0", "timeout", "1");
            p.same("CONFIG", "SET", "timeout", "0", "TIMEOUT", "1");
            p.same("CONFIG", "SET", "foo", "1", "databases", "3");
            p.same("CONFIG", "SET", "databases", "3", "foo", "1");
        }
    }

    @Test
    void setAppliesAllOrNothingLikeRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("CONFIG", "SET", "timeout", "5", "databases", "3");
            p.same("CONFIG", "GET", "timeout");
            p.same("CONFIG", "SET", "hz", "20", "timeout", "abc");
            p.same("CONFIG", "GET", "hz");
            p.same("CONFIG", "SET", "hz", "20", "timeout", "7");
            p.same("CONFIG", "GET", "hz");
            p.same("CONFIG", "GET", "timeout");
            // Redis clamps hz into 1-500.
            p.same("CONFIG", "SET", "hz", "0");
            p.same("CONFIG", "GET", "hz");
            p.same("CONFIG", "SET", "hz", "1000");
            p.same("CONFIG", "GET", "hz");
            p.same("CONFIG", "SET", "proto-max-bulk-len", "1MB");
            p.same("CONFIG", "GET", "proto-max-bulk-len");
            p.same("CONFIG", "SET", "proto-max-bulk-len", "2gb");
            p.same("CONFIG", "GET", "proto-max-bulk-len");
            p.same("CONFIG", "SET", "protected-mode", "YES");
            p.same("CONFIG", "GET", "protected-mode");
            // Settings for what Weft lacks accept the value that means "off", as clients and tools set them.
            p.same("CONFIG", "SET", "appendonly", "no");
            p.same("CONFIG", "SET", "save", "");
            p.same("CONFIG", "SET", "maxmemory", "0");
        }
    }

    @Test
    void settingsFixedAtStartAcceptOnlyTheirValue() throws Exception {
        try (var weft = new RespClient(diff.weft().address())) {
            String port = Integer.toString(diff.weft().address().getPort());
            assertThat(text(weft.call("CONFIG", "SET", "port", port))).isEqualTo("+OK");
            assertThat(text(weft.call("CONFIG", "SET", "maxclients", "10000", "bind", "127.0.0.1")))
                    .isEqualTo("+OK");
            assertThat(text(weft.call("CONFIG", "SET", "maxclients", "5"))).isEqualTo(
                    "-ERR CONFIG SET failed (possibly related to argument 'maxclients') - Weft sets this only at"
                            + " start; restart the server with the new value");
            assertThat(text(weft.call("CONFIG", "SET", "appendonly", "yes"))).startsWith(
                    "-ERR CONFIG SET failed (possibly related to argument 'appendonly') - Weft keeps no");
            assertThat(text(weft.call("CONFIG", "SET", "save", "3600 1")))
                    .startsWith("-ERR CONFIG SET failed (possibly related to argument 'save') - Weft saves no");
            assertThat(configGet(weft, "maxclients")).isEqualTo("10000");
        }
    }

    @Test
    void newConnectionsGetTheNewBulkLimitAsInRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("CONFIG", "SET", "proto-max-bulk-len", "1mb");
        }
        try (var p = diff.pair()) {
            p.sameRaw("*2\r\n$4\r\nECHO\r\n$1048577\r\n");
        }
    }

    @Test
    void timeoutClosesIdleConnectionsOnceSet() throws Exception {
        try (Socket idle = new Socket()) {
            idle.connect(diff.weft().address(), 5_000);
            idle.setSoTimeout(15_000);
            try (var p = diff.pair()) {
                p.same("CONFIG", "SET", "timeout", "1");
            }
            InputStream in = idle.getInputStream();
            // The server closes the idle connection once a second has passed; the read sees end of stream.
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void resp3RepliesAreMapsAsInRedis() throws Exception {
        try (var p = diff.pair()) {
            p.both("HELLO", "3");
            p.same("CONFIG", "GET", "timeout");
            p.same("CONFIG", "GET", "nosuch");
            p.same("CONFIG", "GET", "time*");
            p.same("CONFIG", "SET", "foo", "bar");
        }
    }

    private static String configGet(RespClient client, String name) throws IOException {
        Map<String, String> settings = settings(client.call("CONFIG", "GET", name));
        return settings.get(name);
    }

    /** A CONFIG GET reply as a map (RESP2 pairs or a RESP3 map). */
    private static Map<String, String> settings(byte[] reply) {
        Map<String, String> settings = new HashMap<>();
        var array = (RespValue.ArrayValue) Reports.decode(reply);
        for (int i = 0; i < array.elements().size(); i += 2) {
            settings.put(Reports.bulk(array.elements().get(i)), Reports.bulk(array.elements().get(i + 1)));
        }
        return settings;
    }

    private static String text(byte[] reply) {
        return new String(reply, StandardCharsets.UTF_8).strip();
    }
}
