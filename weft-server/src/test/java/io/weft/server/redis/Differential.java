package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.transport.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The differential harness: a real redis-server and a Weft server side by side. {@link #pair()} opens one
 * client to each; {@link Pair#same} sends both the same command and asserts the replies are the same bytes.
 *
 * <p>Use one per test class ({@code @BeforeAll}/{@code @AfterAll}) and {@link #flushBoth()} between tests.
 */
public final class Differential implements AutoCloseable {

    private final RealRedis redis;
    private final RedisServer weft;

    private Differential(RealRedis redis, RedisServer weft) {
        this.redis = redis;
        this.weft = weft;
    }

    public static Differential start(Engine engine) throws Exception {
        RealRedis redis = RealRedis.start();
        RedisServer weft = RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(engine).withLoops(2));
        return new Differential(redis, weft);
    }

    public RedisServer weft() {
        return weft;
    }

    public RealRedis redis() {
        return redis;
    }

    /** A client to each server. */
    public Pair pair() throws IOException {
        return new Pair(new RespClient(redis.address()), new RespClient(weft.address()));
    }

    /** FLUSHALL on both, and back to the defaults any test may have changed. */
    public void flushBoth() throws IOException {
        try (Pair p = pair()) {
            p.both("FLUSHALL");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            weft.shutdown(Duration.ofSeconds(1));
        } finally {
            redis.close();
        }
    }

    /** A connection to Redis and one to Weft, driven in lock step. */
    public static final class Pair implements AutoCloseable {

        private final RespClient redis;
        private final RespClient weft;

        Pair(RespClient redis, RespClient weft) {
            this.redis = redis;
            this.weft = weft;
        }

        /** Sends the command to both and asserts identical reply bytes; returns the reply. */
        public String same(String... args) throws IOException {
            byte[] expected = redis.call(args);
            byte[] actual = weft.call(args);
            assertThat(show(actual)).as("reply to %s", String.join(" ", args)).isEqualTo(show(expected));
            return new String(expected, StandardCharsets.UTF_8);
        }

        /** Binary-argument form of {@link #same(String...)}. */
        public String same(byte[]... args) throws IOException {
            byte[] expected = redis.call(args);
            byte[] actual = weft.call(args);
            assertThat(show(actual)).as("reply to binary command").isEqualTo(show(expected));
            return new String(expected, StandardCharsets.UTF_8);
        }

        /** Sends raw bytes to both and asserts the next reply matches. */
        public String sameRaw(String raw) throws IOException {
            byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
            redis.sendRaw(bytes);
            weft.sendRaw(bytes);
            byte[] expected = redis.readReply();
            byte[] actual = weft.readReply();
            assertThat(show(actual)).as("reply to raw %s", show(bytes)).isEqualTo(show(expected));
            return new String(expected, StandardCharsets.UTF_8);
        }

        /**
         * Sends the command to both and asserts the replies have the same shape, with digits masked: for
         * replies that hold times or ids (TTL near a boundary, TIME, CLIENT ID).
         */
        public void sameShape(String... args) throws IOException {
            byte[] expected = redis.call(args);
            byte[] actual = weft.call(args);
            assertThat(mask(show(actual))).as("shape of reply to %s", String.join(" ", args))
                    .isEqualTo(mask(show(expected)));
        }

        /**
         * Reads the next reply on each side without sending anything (a published message, one of several
         * frames a command answers with) and asserts they are the same bytes.
         */
        public void sameNext() throws IOException {
            byte[] expected = redis.readReply();
            byte[] actual = weft.readReply();
            assertThat(show(actual)).as("next reply").isEqualTo(show(expected));
        }

        /**
         * Sends the command to both and asserts identical reply bytes but for the connection id: for HELLO,
         * whose reply holds it.
         */
        public void sameButClientId(String... args) throws IOException {
            String expected = show(redis.call(args)).replaceAll("id\\\\r\\\\n:[0-9]+", "id:N");
            String actual = show(weft.call(args)).replaceAll("id\\\\r\\\\n:[0-9]+", "id:N");
            assertThat(actual).as("reply to %s", String.join(" ", args)).isEqualTo(expected);
        }

        /** Sends the command to both without comparing (set-up steps); returns Weft's reply. */
        public String both(String... args) throws IOException {
            redis.call(args);
            return new String(weft.call(args), StandardCharsets.UTF_8);
        }

        public RespClient redisClient() {
            return redis;
        }

        public RespClient weftClient() {
            return weft;
        }

        @Override
        public void close() throws IOException {
            try {
                redis.close();
            } finally {
                weft.close();
            }
        }
    }

    /** Reply bytes as readable text: CR and LF shown, other control bytes escaped. */
    public static String show(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\r') {
                s.append("\\r");
            } else if (c == '\n') {
                s.append("\\n");
            } else if (c < 0x20 || c >= 0x7f) {
                s.append(String.format("\\x%02x", c));
            } else {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    private static String mask(String text) {
        return text.replaceAll("[0-9]+", "N");
    }
}
