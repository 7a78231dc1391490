package io.weft.loadgen.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.codec.resp.RespVersion;
import io.weft.loadgen.target.EchoTarget;
import io.weft.loadgen.target.KeyPattern;
import io.weft.loadgen.target.RespTarget;
import io.weft.loadgen.target.RespWorkload;
import io.weft.server.echo.EchoServer;
import io.weft.server.redis.RedisConfig;
import io.weft.server.redis.RedisServer;
import io.weft.transport.Engine;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connect runs against real servers on loopback: holding thousands, and each way a connection is lost. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectBenchTest {

    private static Server echoServer(int maxConnections) throws Exception {
        return new EchoServer(new InetSocketAddress("127.0.0.1", 0), Engine.LOOP, 1, Framing.RAW, FrameLimits.DEFAULT,
                ListenerLimits.DEFAULTS.withMaxConnections(maxConnections), false).start();
    }

    private static List<InetAddress> loopbackSources(int n) throws Exception {
        List<InetAddress> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sources.add(InetAddress.getByName("127.0.0." + (2 + i)));
        }
        return sources;
    }

    private static ConnectSpec spec(InetSocketAddress address, List<InetAddress> sources, int connections,
                                    Duration hold) {
        return new ConnectSpec(address, sources, connections, 10_000, hold, Duration.ofMillis(500),
                Duration.ofSeconds(10), 2);
    }

    @Test
    void holdsFiveThousandConnectionsAndEveryOneStillAnswers() throws Exception {
        Server server = echoServer(6000);
        try {
            List<ConnectProgress> looks = new ArrayList<>();
            ConnectResult r = ConnectBench.run(spec(server.address(EchoServer.LISTENER), loopbackSources(2), 5000,
                    Duration.ofSeconds(2)), new EchoTarget(Framing.RAW, 16), line -> { }, looks::add);

            assertThat(r.failures()).as("failures").allSatisfy((cause, n) -> assertThat(n).isZero());
            assertThat(r.attempted()).isEqualTo(5000);
            assertThat(r.opened()).isEqualTo(5000);
            assertThat(r.survived()).isEqualTo(5000);
            assertThat(r.peakOpen()).isEqualTo(5000);
            assertThat(r.connectTime().getTotalCount()).isEqualTo(5000);
            assertThat(r.connectRate()).isPositive();
            // Pings were answered all along: the server saw more than the last one on every connection.
            assertThat(server.stats(EchoServer.LISTENER).messagesIn()).isGreaterThan(5000);
            // The live view, once a second: by the end of the hold every connection was open and counted.
            assertThat(looks).isNotEmpty();
            ConnectProgress held = looks.stream().filter(p -> p.phase() == ConnectProgress.Phase.HOLDING)
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(held.attempted()).isEqualTo(5000);
            assertThat(held.opened()).isEqualTo(5000);
            assertThat(held.open()).isEqualTo(5000);
            assertThat(held.failed()).isZero();
            assertThat(held.p99ConnectNanos()).isPositive();
            assertThat(held.phaseNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void constantPingingDoesNotHoldUpTheEndOfTheOpening() throws Exception {
        Server server = echoServer(1000);
        try {
            // A ping every millisecond keeps some ping outstanding at every moment; the opening must end
            // when the connects have, not wait for a moment with no ping in flight.
            ConnectSpec spec = new ConnectSpec(server.address(EchoServer.LISTENER), List.of(), 500, 10_000,
                    Duration.ofMillis(300), Duration.ofMillis(1), Duration.ofSeconds(5), 1);
            ConnectResult r = ConnectBench.run(spec, new EchoTarget(Framing.RAW, 16), line -> { }, p -> { });
            assertThat(r.survived()).isEqualTo(500);
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void respConnectionsAreHeldWithPing() throws Exception {
        try (RedisServer redis = RedisServer.start(RedisConfig.defaults().withPort(0))) {
            RespTarget ping = new RespTarget(new RespTarget.Options(RespWorkload.command("PING"), KeyPattern.UNIFORM,
                    1, 1, RespVersion.RESP2));
            ConnectResult r = ConnectBench.run(spec(redis.address(), List.of(), 200, Duration.ofMillis(700)), ping,
                    line -> { }, p -> { });
            assertThat(r.survived()).isEqualTo(200);
            assertThat(r.failed()).isZero();
        }
    }

    @Test
    void aPortWithNoListenerCountsEveryConnectAsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConnectResult r = ConnectBench.run(spec(new InetSocketAddress("127.0.0.1", port), List.of(), 50,
                Duration.ZERO), new EchoTarget(Framing.RAW, 16), line -> { }, p -> { });

        assertThat(r.failures(ConnectFailure.REFUSED)).isEqualTo(50);
        assertThat(r.failed()).isEqualTo(50);
        assertThat(r.opened()).isZero();
        assertThat(r.survived()).isZero();
        assertThat(r.connectTime().getTotalCount()).isZero();
    }

    @Test
    void connectionsTheServerClosesCountAsReset() throws Exception {
        Server server = echoServer(100);
        try {
            ConnectResult r = ConnectBench.run(spec(server.address(EchoServer.LISTENER), List.of(), 150,
                    Duration.ofMillis(500)), new EchoTarget(Framing.RAW, 16), line -> { }, p -> { });

            // The kernel completes every handshake; the server then closes those above its limit.
            assertThat(r.opened()).isEqualTo(150);
            assertThat(r.failures(ConnectFailure.RESET)).isEqualTo(50);
            assertThat(r.survived()).isEqualTo(100);
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }
}
