package io.weft.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.transport.spi.TransportEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The event-loop engine with idle polling on passes the same suite, and accounts for the polling. */
class IdlePollingEventLoopConformanceTest extends TransportConformanceTest {

    private static final Duration IDLE_POLL = Duration.ofNanos(200_000);

    @Override
    protected Engine engine() {
        return Engine.LOOP;
    }

    @Override
    protected TransportEngine newEngine(int threads) {
        return engine().create(threads, IDLE_POLL);
    }

    @Test
    void idlePollingTimeGrowsWithTrafficAndStaysWithinTheWallClock() throws Exception {
        TransportEngine engine = newEngine(1);
        long started = System.nanoTime();
        Server server = start(Listener.loopback("test", engine, scripted()));
        try (TestClient client = new TestClient(server.address("test"))) {
            for (int i = 0; i < 100; i++) {
                client.send(("m" + i).getBytes(StandardCharsets.UTF_8));
                assertThat(client.receiveString()).isEqualTo("m" + i);
            }
        }
        long polled = engine.idlePollTime().toNanos();
        // Each of the 100 replies left the loop with nothing to do, so it polled after each one.
        assertThat(polled).isPositive().isLessThanOrEqualTo(System.nanoTime() - started);
    }

    @Test
    void anEngineThatSleepsAtOnceReportsNoIdlePolling() throws Exception {
        TransportEngine engine = engine().create(1, Duration.ZERO);
        Server server = start(Listener.loopback("test", engine, scripted()));
        try (TestClient client = new TestClient(server.address("test"))) {
            client.send("ping".getBytes(StandardCharsets.UTF_8));
            assertThat(client.receiveString()).isEqualTo("ping");
        }
        assertThat(engine.idlePollTime()).isZero();
    }
}
