package io.weft.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.server.echo.EchoServer;
import io.weft.transport.Connection;
import io.weft.transport.Engine;
import io.weft.transport.Handler;
import io.weft.transport.Listener;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Protocol;
import io.weft.transport.Server;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EchoLoadTest {

    @Test
    void measuresRoundTripsAgainstARealEchoServer() throws Exception {
        Server server = new EchoServer(new InetSocketAddress("127.0.0.1", 0), Engine.LOOP, 1, Framing.RAW,
                FrameLimits.DEFAULT, ListenerLimits.DEFAULTS, false).start();
        try {
            EchoLoad.Result r = new EchoLoad(server.address(EchoServer.LISTENER), 4, 8, 100, Duration.ZERO,
                    Duration.ofMillis(500), 1).run();
            assertThat(r.errors()).isZero();
            assertThat(r.messages()).isPositive();
            assertThat(r.p50Micros()).isPositive().isLessThanOrEqualTo(r.p99Micros());
            // Every message the load counted was echoed by the server in full.
            assertThat(server.stats(EchoServer.LISTENER).bytesOut()).isGreaterThanOrEqualTo(r.messages() * 100);
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void countsCorruptedEchoesAsErrorsNotSuccesses() throws Exception {
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
            EchoLoad.Result r = new EchoLoad(server.address("bad"), 2, 1, 64, Duration.ZERO,
                    Duration.ofMillis(300), 1).run();
            assertThat(r.errors()).isPositive();
            assertThat(r.messages()).isZero();
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }
}
