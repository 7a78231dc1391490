package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.weft.transport.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lettuce, the Netty-based Java client, against Weft. Lettuce speaks RESP3 by default (it opens with
 * HELLO 3) and falls back to RESP2 only when told; both are exercised, on both engines.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LettuceClientTest {

    private RedisServer server;
    private RedisClient client;

    @Parameter
    private Engine engine;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        server = RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(engine).withLoops(2));
        client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(server.address().getPort())
                .withTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterParameterizedClassInvocation
    void stop() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.shutdown(Duration.ofSeconds(1));
    }

    private StatefulRedisConnection<String, String> connect(ProtocolVersion protocol) {
        client.setOptions(ClientOptions.builder().protocolVersion(protocol).build());
        return client.connect();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void commandsInEachProtocol(ProtocolVersion protocol) {
        try (StatefulRedisConnection<String, String> connection = connect(protocol)) {
            RedisCommands<String, String> redis = connection.sync();
            String p = protocol + ":";
            assertThat(redis.ping()).isEqualTo("PONG");
            assertThat(redis.set(p + "k", "v")).isEqualTo("OK");
            assertThat(redis.get(p + "k")).isEqualTo("v");
            assertThat(redis.get(p + "none")).isNull();
            assertThat(redis.set(p + "k", "w", SetArgs.Builder.xx().px(60_000))).isEqualTo("OK");
            assertThat(redis.pttl(p + "k")).isBetween(1L, 60_000L);
            assertThat(redis.incr(p + "n")).isEqualTo(1);
            assertThat(redis.incrbyfloat(p + "fl", 2.5)).isEqualTo(2.5);
            assertThat(redis.mget(p + "k", p + "none")).containsExactly(KeyValue.just(p + "k", "w"),
                    KeyValue.empty(p + "none"));
            assertThat(redis.expire(p + "n", 100)).isTrue();
            assertThat(redis.ttl(p + "n")).isBetween(99L, 100L);
            assertThat(redis.exists(p + "k", p + "n", p + "none")).isEqualTo(2);
            assertThat(redis.del(p + "k", p + "n")).isEqualTo(2);
            assertThat(redis.clientGetname()).isNull();
            assertThat(redis.clientSetname("lettuce")).isEqualTo("OK");
            assertThat(redis.clientGetname()).isEqualTo("lettuce");
            assertThat(redis.info("keyspace")).contains("# Keyspace");
        }
    }

    @Test
    void pipelinedAsyncCommands() throws Exception {
        try (StatefulRedisConnection<String, String> connection = connect(ProtocolVersion.RESP3)) {
            RedisAsyncCommands<String, String> async = connection.async();
            connection.setAutoFlushCommands(false);
            List<RedisFuture<String>> sets = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                sets.add(async.set("pipe:" + i, "v" + i));
            }
            connection.flushCommands();
            for (RedisFuture<String> f : sets) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("OK");
            }
            connection.setAutoFlushCommands(true);
            assertThat(connection.sync().get("pipe:4999")).isEqualTo("v4999");
            Set<String> keys = new HashSet<>();
            ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches("pipe:*").limit(200))
                    .forEachRemaining(keys::add);
            assertThat(keys).hasSize(5000);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void transactions(ProtocolVersion protocol) {
        try (StatefulRedisConnection<String, String> connection = connect(protocol)) {
            RedisCommands<String, String> redis = connection.sync();
            redis.set("tx:balance", "100");
            redis.multi();
            redis.decrby("tx:balance", 30);
            redis.get("tx:balance");
            TransactionResult result = redis.exec();
            assertThat(result.wasDiscarded()).isFalse();
            assertThat((Long) result.get(0)).isEqualTo(70);
            assertThat((String) result.get(1)).isEqualTo("70");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void pubSub(ProtocolVersion protocol) throws Exception {
        client.setOptions(ClientOptions.builder().protocolVersion(protocol).build());
        BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
             StatefulRedisConnection<String, String> pub = client.connect()) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.add(channel + "=" + message);
                }

                @Override
                public void message(String pattern, String channel, String message) {
                    received.add(pattern + ":" + channel + "=" + message);
                }
            });
            sub.sync().subscribe("events");
            sub.sync().psubscribe("ev*");
            assertThat(pub.sync().publish("events", "one")).isEqualTo(2);
            Set<String> got = new HashSet<>();
            got.add(received.poll(10, TimeUnit.SECONDS));
            got.add(received.poll(10, TimeUnit.SECONDS));
            assertThat(got).containsExactlyInAnyOrder("events=one", "ev*:events=one");
            assertThat(pub.sync().pubsubNumsub("events")).containsEntry("events", 1L);
            assertThat(pub.sync().pubsubNumpat()).isEqualTo(1);
        }
    }
}
