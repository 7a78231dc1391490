package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differential-test harness against the real thing: it starts Debian's redis-server and captures
 * replies byte for byte, in RESP2 and RESP3. These are the bytes Weft's server must produce.
 */
class RealRedisTest {

    private static RealRedis redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RealRedis.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    private static String text(byte[] reply) {
        return new String(reply, StandardCharsets.UTF_8);
    }

    @Test
    void capturesRepliesByteForByte() throws Exception {
        try (RespClient c = new RespClient(redis.address())) {
            assertThat(text(c.call("SET", "k", "v"))).isEqualTo("+OK\r\n");
            assertThat(text(c.call("GET", "k"))).isEqualTo("$1\r\nv\r\n");
            assertThat(text(c.call("GET", "missing"))).isEqualTo("$-1\r\n");
            assertThat(text(c.call("INCR", "k"))).isEqualTo("-ERR value is not an integer or out of range\r\n");
            assertThat(text(c.call("NOSUCH", "a", "b")))
                    .isEqualTo("-ERR unknown command 'NOSUCH', with args beginning with: 'a' 'b' \r\n");
            assertThat(text(c.call("GET"))).isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
        }
    }

    @Test
    void capturesResp3ShapesAfterHello3() throws Exception {
        try (RespClient c = new RespClient(redis.address())) {
            assertThat(text(c.call("HELLO", "3"))).startsWith("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n");
            assertThat(text(c.call("GET", "missing-in-resp3"))).isEqualTo("_\r\n");
            c.call("SET", "f", "1.5");
            assertThat(text(c.call("INCRBYFLOAT", "f", "0.25"))).isEqualTo("$4\r\n1.75\r\n");
        }
    }

    @Test
    void pipelinedRepliesComeBackSplitCorrectly() throws Exception {
        try (RespClient c = new RespClient(redis.address())) {
            for (int i = 0; i < 1000; i++) {
                c.send(("ECHO").getBytes(StandardCharsets.UTF_8), ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 1000; i++) {
                String m = "m" + i;
                assertThat(text(c.readReply())).isEqualTo("$" + m.length() + "\r\n" + m + "\r\n");
            }
        }
    }
}
