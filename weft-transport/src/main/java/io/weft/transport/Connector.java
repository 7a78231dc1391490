package io.weft.transport;

import io.weft.transport.spi.ListenerCounters;
import io.weft.transport.spi.TransportEngine;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Opens outbound connections that run the same {@link Handler} API as accepted ones. The load
 * generator and the tests use it. The connector owns its engine and closes it in {@link #close()}.
 */
public final class Connector implements AutoCloseable {

    private final TransportEngine engine;
    private final ListenerLimits limits;
    private final ListenerCounters counters = new ListenerCounters();

    public Connector(TransportEngine engine, ListenerLimits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    public Connector(TransportEngine engine) {
        this(engine, ListenerLimits.DEFAULTS.withMaxConnections(Integer.MAX_VALUE));
    }

    /** Connects to {@code remote}; the future completes after the handler's {@code onOpen}. */
    public <I, O> CompletableFuture<Connection<O>> connect(InetSocketAddress remote, Protocol<I, O> protocol) {
        if (protocol.isSequential()) {
            throw new IllegalArgumentException("outbound connections take a callback protocol");
        }
        return engine.connect(remote, protocol, limits, counters);
    }

    /** Counters over every connection this connector opened. */
    public ListenerStats stats() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        engine.close();
    }
}
