package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.transport.Engine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/** Jedis, a widely used Java client, against Weft in RESP2 and RESP3, on both engines. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JedisClientTest {

    private RedisServer server;

    @Parameter
    private Engine engine;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        server = RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(engine).withLoops(2));
    }

    @AfterParameterizedClassInvocation
    void stop() {
        server.shutdown(Duration.ofSeconds(1));
    }

    @BeforeEach
    void flush() {
        try (Jedis jedis = connect(RedisProtocol.RESP2)) {
            jedis.flushAll();
        }
    }

    private Jedis connect(RedisProtocol protocol) {
        return new Jedis(new HostAndPort("127.0.0.1", server.address().getPort()),
                DefaultJedisClientConfig.builder().protocol(protocol).clientName("jedis-test").build());
    }

    @Test
    void stringsKeysAndExpiryInBothProtocols() {
        for (RedisProtocol protocol : List.of(RedisProtocol.RESP2, RedisProtocol.RESP3)) {
            try (Jedis jedis = connect(protocol)) {
                String p = protocol.name() + ":";
                assertThat(jedis.ping()).isEqualTo("PONG");
                assertThat(jedis.set(p + "a", "1")).isEqualTo("OK");
                assertThat(jedis.get(p + "a")).isEqualTo("1");
                assertThat(jedis.get(p + "missing")).isNull();
                assertThat(jedis.incrBy(p + "a", 41)).isEqualTo(42);
                assertThat(jedis.incrByFloat(p + "f", 1.5)).isEqualTo(1.5);
                assertThat(jedis.mset(p + "x", "X", p + "y", "Y")).isEqualTo("OK");
                assertThat(jedis.mget(p + "x", p + "nope", p + "y")).containsExactly("X", null, "Y");
                assertThat(jedis.set(p + "t", "v", SetParams.setParams().ex(100).nx())).isEqualTo("OK");
                assertThat(jedis.ttl(p + "t")).isBetween(99L, 100L);
                assertThat(jedis.persist(p + "t")).isEqualTo(1);
                assertThat(jedis.ttl(p + "t")).isEqualTo(-1);
                assertThat(jedis.append(p + "x", "Z")).isEqualTo(2);
                assertThat(jedis.getrange(p + "x", 1, -1)).isEqualTo("Z");
                assertThat(jedis.exists(p + "x", p + "y", p + "nope")).isEqualTo(2);
                assertThat(jedis.type(p + "x")).isEqualTo("string");
                assertThat(jedis.rename(p + "x", p + "x2")).isEqualTo("OK");
                assertThat(jedis.del(p + "x2", p + "y")).isEqualTo(2);
                assertThat(jedis.getDel(p + "a")).isEqualTo("42");
            }
        }
    }

    @Test
    void binaryValuesRoundTrip() {
        byte[] key = {0, 1, '\r', '\n', (byte) 0xff};
        byte[] value = new byte[4096];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        try (Jedis jedis = connect(RedisProtocol.RESP2)) {
            jedis.set(key, value);
            assertThat(jedis.get(key)).isEqualTo(value);
            assertThat(jedis.strlen(key)).isEqualTo(4096);
        }
    }

    @Test
    void scanVisitsEveryKeyAndKeysMatches() {
        try (Jedis jedis = connect(RedisProtocol.RESP2)) {
            for (int i = 0; i < 1000; i++) {
                jedis.set("scan:" + i, "v");
            }
            jedis.set("other", "v");
            Set<String> seen = new HashSet<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match("scan:*").count(50));
                seen.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            assertThat(seen).hasSize(1000).allMatch(k -> k.startsWith("scan:"));
            assertThat(jedis.keys("scan:99*")).containsExactlyInAnyOrder("scan:99", "scan:990", "scan:991",
                    "scan:992", "scan:993", "scan:994", "scan:995", "scan:996", "scan:997", "scan:998", "scan:999");
            assertThat(jedis.dbSize()).isEqualTo(1001);
        }
    }

    @Test
    void transactionsAndWatch() {
        try (Jedis jedis = connect(RedisProtocol.RESP2); Jedis other = connect(RedisProtocol.RESP2)) {
            jedis.set("stock", "10");
            Transaction tx = jedis.multi();
            tx.decrBy("stock", 3);
            tx.incr("sold");
            assertThat(tx.exec()).containsExactly(7L, 1L);

            jedis.watch("stock");
            other.set("stock", "100");
            Transaction doomed = jedis.multi();
            doomed.decrBy("stock", 1);
            assertThat(doomed.exec()).isNull();
            assertThat(jedis.get("stock")).isEqualTo("100");
        }
    }

    @Test
    void publishSubscribeInBothProtocols() throws Exception {
        for (RedisProtocol protocol : List.of(RedisProtocol.RESP2, RedisProtocol.RESP3)) {
            BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
            JedisPubSub listener = new JedisPubSub() {
                @Override
                public void onSubscribe(String channel, int count) {
                    received.add("subscribed " + channel);
                }

                @Override
                public void onMessage(String channel, String message) {
                    received.add(channel + "=" + message);
                    unsubscribe();
                }
            };
            try (Jedis subscriber = connect(protocol); Jedis publisher = connect(RedisProtocol.RESP2)) {
                Thread t = Thread.ofVirtual().start(() -> subscriber.subscribe(listener, "news"));
                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("subscribed news");
                assertThat(publisher.publish("news", "hello " + protocol)).isEqualTo(1);
                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("news=hello " + protocol);
                t.join(10_000);
                assertThat(t.isAlive()).isFalse();
            }
        }
    }

    @Test
    void clientNameAndSelect() {
        try (Jedis jedis = connect(RedisProtocol.RESP3)) {
            assertThat(jedis.clientGetname()).isEqualTo("jedis-test");
            assertThat(jedis.select(3)).isEqualTo("OK");
            jedis.set("in3", "yes");
            assertThat(jedis.dbSize()).isEqualTo(1);
            jedis.select(0);
            assertThat(jedis.get("in3")).isNull();
            assertThat(jedis.info("server")).contains("redis_version:");
            assertThat(new String(jedis.echo("hi".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                    .isEqualTo("hi");
        }
    }
}
