package io.weft.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.loadgen.target.EchoTarget;
import io.weft.transport.Connection;
import io.weft.transport.Engine;
import io.weft.transport.Handler;
import io.weft.transport.Listener;
import io.weft.transport.Protocol;
import io.weft.transport.Server;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reason the generator is open-loop. An echo server freezes once for 500 ms. Measured open loop at
 * a fixed rate, the freeze delays every request due during it, so about a tenth of a 5 s run waits up
 * to half a second and the p99 shows it. Measured closed loop, the senders freeze with the server: only
 * the few requests in flight at that moment are slow, and the p99 looks healthy. Both runs see the
 * same 500 ms worst case; only the open loop reports how many users it hurt.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class CoordinatedOmissionTest {

    private static final long STALL_MILLIS = 500;

    /** An echo server whose only event loop sleeps once, on its {@code stallAt}-th read. */
    private static Server stallingEcho(int stallAt) throws Exception {
        AtomicInteger reads = new AtomicInteger();
        Handler<ByteBuffer, ByteBuffer> echo = new Handler<>() {
            @Override
            public void onMessage(Connection<ByteBuffer> c, ByteBuffer message) throws InterruptedException {
                if (reads.incrementAndGet() == stallAt) {
                    Thread.sleep(STALL_MILLIS); // the stall under test, not a wait for anything
                }
                c.writeBytes(message);
            }
        };
        return Server.of(Listener.loopback("stall", Engine.LOOP.create(1),
                Protocol.of("stalling-echo", Framing.RAW.codec(FrameLimits.DEFAULT), () -> echo))).start();
    }

    private static LoadResult run(LoadModel model, Duration duration) throws Exception {
        Server server = stallingEcho(300);
        try {
            LoadSpec spec = LoadSpec.of(server.address("stall")).withConnections(2, 1).withModel(model)
                    .withLength(Duration.ZERO, duration, 0);
            return LoadGenerator.run(spec, new EchoTarget(Framing.RAW, 32), ProgressListener.NONE);
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    @Test
    void openLoopReportsTheStallThatClosedLoopHides() throws Exception {
        LoadResult open = run(LoadModel.open(1_000), Duration.ofSeconds(5));
        LoadResult closed = run(LoadModel.closed(), Duration.ofSeconds(2));

        assertThat(open.totalErrors()).isZero();
        assertThat(closed.totalErrors()).isZero();
        long stall = TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS);
        // Both saw the stall...
        assertThat(open.maxNanos()).isGreaterThanOrEqualTo(stall * 9 / 10);
        assertThat(closed.maxNanos()).isGreaterThanOrEqualTo(stall * 9 / 10);
        // ...but ~500 of the open loop's 5000 requests were due during it, so its p99 is near 500 ms,
        assertThat(open.requests()).isEqualTo(5_000);
        assertThat(open.percentileNanos(99)).isGreaterThanOrEqualTo(stall * 3 / 5);
        // while the closed loop's senders waited with the server and recorded just two slow requests.
        assertThat(closed.percentileNanos(99)).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(closed.percentileNanos(99) * 5).isLessThan(open.percentileNanos(99));
    }
}
