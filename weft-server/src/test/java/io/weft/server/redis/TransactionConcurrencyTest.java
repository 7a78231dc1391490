package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.keyspace.Keyspace;
import io.weft.transport.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transactions under real concurrency, on Weft alone: many clients over real sockets, each on its own
 * virtual thread.
 */
class TransactionConcurrencyTest {

    private static final int BUYERS = 200;
    private static final int STOCK = 500;

    /**
     * The optimistic-locking recipe: WATCH stock, read it, and sell one unit in a MULTI/EXEC that fails if
     * anyone sold in between; retry until sold out. No unit may be sold twice and none may be lost.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void watchedCheckAndSetNeverOversells(Engine engine) throws Exception {
        try (RedisServer server = start(engine); RespClient admin = new RespClient(server.address())) {
            admin.call("SET", "stock", Integer.toString(STOCK));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<Future<Integer>> buyers = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int id = 0; id < BUYERS; id++) {
                    int buyer = id;
                    buyers.add(threads.submit(() -> buyUntilSoldOut(server, buyer, deadline)));
                }
            }
            int soldByClients = 0;
            long soldOnServer = 0;
            for (int id = 0; id < BUYERS; id++) {
                soldByClients += buyers.get(id).get();
                String recorded = bulk(admin.call("GET", "sold:" + id));
                soldOnServer += recorded == null ? 0 : Long.parseLong(recorded);
            }
            assertThat(bulk(admin.call("GET", "stock"))).isEqualTo("0");
            assertThat(soldByClients).as("units the clients were told they bought").isEqualTo(STOCK);
            assertThat(soldOnServer).as("units recorded by the transactions").isEqualTo(STOCK);
        }
    }

    /** One buyer: returns how many units its successful EXECs sold. */
    private static int buyUntilSoldOut(RedisServer server, int id, long deadline) throws IOException {
        int sold = 0;
        try (RespClient client = new RespClient(server.address())) {
            while (true) {
                assertThat(System.nanoTime()).as("sold out in time").isLessThan(deadline);
                client.send(args("WATCH", "stock"));
                client.send(args("GET", "stock"));
                assertThat(text(client.readReply())).isEqualTo("+OK\r\n");
                long stock = Long.parseLong(bulk(client.readReply()));
                assertThat(stock).as("stock seen by a buyer").isNotNegative();
                if (stock == 0) {
                    client.call("UNWATCH");
                    return sold;
                }
                client.send(args("MULTI"));
                client.send(args("SET", "stock", Long.toString(stock - 1)));
                client.send(args("SET", "sold:" + id, Integer.toString(sold + 1)));
                client.send(args("EXEC"));
                for (int i = 0; i < 3; i++) {
                    client.readReply();
                }
                String exec = text(client.readReply());
                if (!exec.equals("*-1\r\n")) {
                    assertThat(exec).isEqualTo("*2\r\n+OK\r\n+OK\r\n");
                    sold++;
                }
            }
        }
    }

    /**
     * A writer keeps setting two keys in different lock stripes to the same value in one transaction; a
     * reader keeps reading both in one transaction and must never see them differ.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void execIsAtomicToOtherTransactions(Engine engine) throws Exception {
        String a = "pair:a";
        String b = differentStripe(a);
        try (RedisServer server = start(engine);
             RespClient writer = new RespClient(server.address());
             RespClient reader = new RespClient(server.address())) {
            writer.call("SET", a, "0");
            writer.call("SET", b, "0");
            AtomicBoolean done = new AtomicBoolean();
            Future<Integer> reads;
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                reads = threads.submit(() -> readPairs(reader, a, b, done));
                for (int i = 1; i <= 2000; i++) {
                    writer.send(args("MULTI"));
                    writer.send(args("SET", a, Integer.toString(i)));
                    writer.send(args("SET", b, Integer.toString(i)));
                    writer.send(args("EXEC"));
                    for (int k = 0; k < 3; k++) {
                        writer.readReply();
                    }
                    assertThat(text(writer.readReply())).isEqualTo("*2\r\n+OK\r\n+OK\r\n");
                }
                done.set(true);
            }
            assertThat(reads.get()).as("transactions the reader completed").isPositive();
            assertThat(bulk(reader.call("GET", a))).isEqualTo("2000");
        }
    }

    /** Reads both keys in one transaction until told to stop; returns the number of reads. */
    private static int readPairs(RespClient reader, String a, String b, AtomicBoolean done) throws IOException {
        int reads = 0;
        while (!done.get()) {
            reader.send(args("MULTI"));
            reader.send(args("GET", a));
            reader.send(args("GET", b));
            reader.send(args("EXEC"));
            for (int k = 0; k < 3; k++) {
                reader.readReply();
            }
            List<String> values = RespArrays.elements(reader.readReply());
            assertThat(values.get(1)).as("read %d", reads).isEqualTo(values.get(0));
            reads++;
        }
        return reads;
    }

    private static RedisServer start(Engine engine) throws IOException {
        return RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(engine).withLoops(2));
    }

    /** A key whose lock stripe differs from {@code key}'s, so EXEC must hold two locks at once. */
    private static String differentStripe(String key) {
        int stripe = stripeOf(key);
        for (int i = 0; ; i++) {
            String other = "pair:b" + i;
            if (stripeOf(other) != stripe) {
                return other;
            }
        }
    }

    private static int stripeOf(String key) {
        return Keyspace.stripe(RespRequest.hash(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[][] args(String... args) {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return raw;
    }

    /** A bulk reply's text, or null for a null bulk. */
    private static String bulk(byte[] reply) {
        String text = text(reply);
        if (text.equals("$-1\r\n")) {
            return null;
        }
        assertThat(text).startsWith("$");
        return text.substring(text.indexOf("\r\n") + 2, text.length() - 2);
    }

    private static String text(byte[] reply) {
        return new String(reply, StandardCharsets.ISO_8859_1);
    }
}
