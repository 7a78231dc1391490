package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.resp.RespWriter;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile and unusual input: a malformed request gets Redis's own protocol error and closes that one
 * connection; every other client carries on; nothing is allocated on the word of a declared length.
 * On both engines.
 */
class BadInputTest extends EngineDifferential {

    private static String text(byte[] reply) {
        return new String(reply, StandardCharsets.ISO_8859_1);
    }

    @Test
    void malformedRequestsGetRedisProtocolErrorsAndCloseOnlyThatConnection() throws Exception {
        String[] garbage = {
            "*abc\r\n", "*3\r\n$x\r\n", "*1\r\n$-5\r\n", "*1\r\nfoo\r\n", "*1\r\n$99999999999999999999\r\n",
            "*2000000000000\r\n", "SET \"unbalanced\r\n",
        };
        try (RespClient bystander = new RespClient(diff.weft().address())) {
            bystander.call("SET", "safe", "1");
            for (String bad : garbage) {
                try (var p = diff.pair()) {
                    p.sameRaw(bad);
                    p.redisClient().assertClosedByServer();
                    p.weftClient().assertClosedByServer();
                }
                assertThat(text(bystander.call("GET", "safe"))).as("bystander after %s", bad)
                        .isEqualTo("$1\r\n1\r\n");
            }
            // Not a protocol error to Redis: a bulk longer than declared is cut at the declared length and
            // the two bytes after it skipped, so the command runs ("abc", unknown) and the connection stays.
            try (var p = diff.pair()) {
                p.sameRaw("*1\r\n$3\r\nabcde\r\n");
                p.same("PING");
            }
            assertThat(text(bystander.call("GET", "safe"))).isEqualTo("$1\r\n1\r\n");
        }
    }

    @Test
    void randomGarbageNeverHurtsOtherClients() throws Exception {
        java.util.Random random = new java.util.Random(42);
        try (RespClient bystander = new RespClient(diff.weft().address())) {
            for (int round = 0; round < 50; round++) {
                byte[] junk = new byte[1 + random.nextInt(2000)];
                random.nextBytes(junk);
                try (Socket s = new Socket("127.0.0.1", diff.weft().address().getPort())) {
                    s.getOutputStream().write(junk);
                    s.getOutputStream().flush();
                }
                assertThat(text(bystander.call("PING"))).isEqualTo("+PONG\r\n");
            }
        }
    }

    @Test
    void hugeDeclaredBulksAreNotAllocatedUpFront() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        List<Socket> liars = new ArrayList<>();
        try (RespClient bystander = new RespClient(diff.weft().address())) {
            // Twenty clients each promise a 500 MB argument and send 1 KB of it: trusting the length would
            // need 10 GB, far beyond this JVM's heap.
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket("127.0.0.1", diff.weft().address().getPort());
                s.getOutputStream().write(("*2\r\n$3\r\nSET\r\n$" + 500_000_000 + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().write(new byte[1024]);
                s.getOutputStream().flush();
                liars.add(s);
            }
            assertThat(text(bystander.call("PING"))).isEqualTo("+PONG\r\n");
            System.gc();
            long used = runtime.totalMemory() - runtime.freeMemory();
            assertThat(used).as("heap in use while 20 clients declare 500 MB bulks").isLessThan(400L << 20);
            // Beyond proto-max-bulk-len the declaration itself is refused, as Redis does.
            try (var p = diff.pair()) {
                p.sameRaw("*1\r\n$600000000\r\n");
                p.weftClient().assertClosedByServer();
            }
        } finally {
            for (Socket s : liars) {
                s.close();
            }
        }
    }

    @Test
    void truncatedRequestThenDisconnectChangesNothing() throws Exception {
        try (Socket s = new Socket("127.0.0.1", diff.weft().address().getPort())) {
            s.getOutputStream().write(
                    "*3\r\n$3\r\nSET\r\n$4\r\ncut!\r\n$5\r\nval".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        }
        try (RespClient c = new RespClient(diff.weft().address())) {
            assertThat(text(c.call("EXISTS", "cut!"))).isEqualTo(":0\r\n");
            assertThat(text(c.call("PING"))).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void hundredThousandPipelinedCommandsInOneWrite() throws Exception {
        int n = 100_000;
        ByteBufferSink batch = new ByteBufferSink(n * 40);
        byte[] incr = "INCR".getBytes(StandardCharsets.US_ASCII);
        byte[] counter = "counter".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
            RespWriter.command(batch, incr, counter);
        }
        byte[] bytes = new byte[batch.size()];
        batch.readable().get(bytes);
        try (RespClient c = new RespClient(diff.weft().address())) {
            c.sendRaw(bytes);
            for (int i = 1; i <= n; i++) {
                byte[] reply = c.readReply();
                if (i % 10_000 == 0 || i == 1) {
                    assertThat(text(reply)).isEqualTo(":" + i + "\r\n");
                }
            }
            assertThat(text(c.call("GET", "counter"))).isEqualTo("$6\r\n100000\r\n");
        }
    }

    @Test
    void binaryKeysAndValuesMatchRedis() throws Exception {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] crlfKey = "a\r\nb\r\n\0c".getBytes(StandardCharsets.ISO_8859_1);
        byte[] set = "SET".getBytes(StandardCharsets.US_ASCII);
        byte[] get = "GET".getBytes(StandardCharsets.US_ASCII);
        try (var p = diff.pair()) {
            p.same(set, everyByte, crlfKey);
            p.same(set, crlfKey, everyByte);
            p.same(get, everyByte);
            p.same(get, crlfKey);
            p.same("EXISTS".getBytes(StandardCharsets.US_ASCII), everyByte, crlfKey, new byte[0]);
        }
    }
}
