package io.weft.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.transport.internal.vthread.VirtualThreadEngine;
import io.weft.transport.spi.TransportEngine;
import org.junit.jupiter.api.Test;

/**
 * The virtual-thread engine with blocking channels, as it runs where the JDK's poller is not visible
 * to it (no {@code --add-exports java.base/sun.nio.ch}), passes the same suite.
 */
class PortableVirtualThreadConformanceTest extends TransportConformanceTest {

    @Override
    protected Engine engine() {
        return Engine.VTHREAD;
    }

    @Override
    protected TransportEngine newEngine(int threads) {
        return new VirtualThreadEngine(false);
    }

    @Test
    void theTestJvmRunsTheDefaultEngineOnPolledSockets() {
        // Otherwise the main suite would be testing this engine twice and the polled sockets never.
        assertThat(((VirtualThreadEngine) Engine.VTHREAD.create()).polledSockets()).isTrue();
        assertThat(((VirtualThreadEngine) newEngine(1)).polledSockets()).isFalse();
    }
}
