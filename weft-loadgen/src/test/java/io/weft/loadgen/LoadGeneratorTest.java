package io.weft.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.loadgen.target.EchoTarget;
import io.weft.server.echo.EchoServer;
import io.weft.transport.Connection;
import io.weft.transport.Engine;
import io.weft.transport.Handler;
import io.weft.transport.Listener;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Protocol;
import io.weft.transport.Server;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generator against real servers over real sockets: counts, pacing, and every kind of error. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoadGeneratorTest {

    private static Server echoServer(Framing framing) throws Exception {
        return new EchoServer(new InetSocketAddress("127.0.0.1", 0), Engine.LOOP, 1, framing, FrameLimits.DEFAULT,
                ListenerLimits.DEFAULTS, false).start();
    }

    private static LoadSpec spec(Server server, String listener) {
        return LoadSpec.of(server.address(listener)).withConnections(4, 2)
                .withTimings(Duration.ofSeconds(5), Duration.ofMillis(100));
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void closedLoopEchoesCheckedInEveryFraming(Framing framing) throws Exception {
        Server server = echoServer(framing);
        try {
            LoadResult r = LoadGenerator.run(spec(server, EchoServer.LISTENER).withMaxInFlight(8)
                    .withLength(Duration.ZERO, Duration.ofMillis(400), 0), new EchoTarget(framing, 100),
                    ProgressListener.NONE);
            assertThat(r.totalErrors()).as("errors %s", r.errors()).isZero();
            assertThat(r.requests()).isPositive();
            assertThat(r.percentileNanos(50)).isPositive().isLessThanOrEqualTo(r.percentileNanos(99));
            // Every request the generator counted was echoed by the server in full.
            assertThat(server.stats(EchoServer.LISTENER).bytesOut()).isGreaterThanOrEqualTo(r.requests() * 100);
            assertThat(r.timeline()).isNotEmpty();
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void openLoopSendsExactlyTheScheduledRequests() throws Exception {
        Server server = echoServer(Framing.LENGTH);
        try {
            // 400 req/s for 1 s after a 0.5 s warm-up: 400 measured requests, no more, no fewer.
            LoadResult r = LoadGenerator.run(spec(server, EchoServer.LISTENER).withModel(LoadModel.open(400))
                    .withLength(Duration.ofMillis(500), Duration.ofSeconds(1), 0), new EchoTarget(Framing.LENGTH, 32),
                    ProgressListener.NONE);
            assertThat(r.totalErrors()).as("errors %s", r.errors()).isZero();
            assertThat(r.requests()).isEqualTo(400);
            assertThat(r.seconds()).isEqualTo(1.0);
            assertThat(r.throughput()).isEqualTo(400.0);
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRequestCountEndsTheRun() throws Exception {
        Server server = echoServer(Framing.RAW);
        try {
            LoadResult r = LoadGenerator.run(spec(server, EchoServer.LISTENER).withMaxInFlight(4)
                    .withLength(Duration.ZERO, Duration.ZERO, 5_000), new EchoTarget(Framing.RAW, 16),
                    ProgressListener.NONE);
            assertThat(r.totalErrors()).isZero();
            assertThat(r.requests()).isEqualTo(5_000);
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void idlePollingIsReportedAsPartOfTheGeneratorsCpuUse() throws Exception {
        Server server = echoServer(Framing.RAW);
        try {
            LoadSpec base = spec(server, EchoServer.LISTENER).withLength(Duration.ZERO, Duration.ofMillis(500), 0);
            LoadResult polling = LoadGenerator.run(base.withIdlePoll(Duration.ofNanos(50_000)),
                    new EchoTarget(Framing.RAW, 16), ProgressListener.NONE);
            assertThat(polling.totalErrors()).isZero();
            // Each of the two loops polls for at most the whole window.
            assertThat(polling.idlePollCores()).isPositive().isLessThan(2.01);
            LoadResult sleeping = LoadGenerator.run(base, new EchoTarget(Framing.RAW, 16), ProgressListener.NONE);
            assertThat(sleeping.totalErrors()).isZero();
            assertThat(sleeping.idlePollCores()).isZero();
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void corruptedEchoesAreMismatchesNotSuccesses() throws Exception {
        Handler<ByteBuffer, ByteBuffer> corrupting = new Handler<>() {
            @Override
            public void onMessage(Connection<ByteBuffer> c, ByteBuffer message) {
                byte[] copy = new byte[message.remaining()];
                message.get(copy);
                copy[copy.length - 1] ^= 1;
                c.writeBytes(copy);
            }
        };
        Server server = Server.of(Listener.loopback("bad", Engine.LOOP.create(1),
                Protocol.of("bad-echo", Framing.RAW.codec(FrameLimits.DEFAULT), () -> corrupting))).start();
        try {
            LoadResult r = LoadGenerator.run(spec(server, "bad").withLength(Duration.ZERO, Duration.ofMillis(300), 0),
                    new EchoTarget(Framing.RAW, 64), ProgressListener.NONE);
            assertThat(r.errors().get(ErrorKind.MISMATCH)).isPositive();
            assertThat(r.requests()).isZero();
            assertThat(r.latency().getTotalCount()).isZero();
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void aServerThatNeverAnswersGivesTimeouts() throws Exception {
        Handler<ByteBuffer, ByteBuffer> silent = new Handler<>() { };
        Server server = Server.of(Listener.loopback("silent", Engine.LOOP.create(1),
                Protocol.of("silent", Framing.RAW.codec(FrameLimits.DEFAULT), () -> silent))).start();
        try {
            LoadResult r = LoadGenerator.run(spec(server, "silent").withModel(LoadModel.open(100))
                    .withLength(Duration.ZERO, Duration.ofMillis(500), 0)
                    .withTimings(Duration.ofMillis(200), Duration.ofMillis(100)),
                    new EchoTarget(Framing.RAW, 8), ProgressListener.NONE);
            assertThat(r.requests()).isZero();
            assertThat(r.errors().get(ErrorKind.TIMEOUT)).isPositive();
            // Every one of the 50 scheduled requests is accounted for, as a timeout or another error.
            assertThat(r.totalErrors()).isGreaterThanOrEqualTo(50);
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void aServerThatHangsUpGivesClosedErrors() throws Exception {
        Handler<ByteBuffer, ByteBuffer> hangUp = new Handler<>() {
            @Override
            public void onMessage(Connection<ByteBuffer> c, ByteBuffer message) {
                c.close();
            }
        };
        Server server = Server.of(Listener.loopback("rude", Engine.LOOP.create(1),
                Protocol.of("rude", Framing.RAW.codec(FrameLimits.DEFAULT), () -> hangUp))).start();
        try {
            LoadResult r = LoadGenerator.run(spec(server, "rude").withLength(Duration.ZERO, Duration.ofMillis(300), 0),
                    new EchoTarget(Framing.RAW, 8), ProgressListener.NONE);
            assertThat(r.requests()).isZero();
            assertThat(r.errors().get(ErrorKind.CLOSED)).isPositive();
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void nobodyListeningIsAConnectException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LoadSpec spec = LoadSpec.of(new InetSocketAddress("127.0.0.1", port)).withLength(Duration.ZERO,
                Duration.ofMillis(100), 0);
        assertThatThrownBy(() -> LoadGenerator.run(spec, new EchoTarget(Framing.RAW, 8), ProgressListener.NONE))
                .isInstanceOf(ConnectException.class).hasMessageContaining("cannot connect to 127.0.0.1:" + port);
    }
}
