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
        return connect(remote, null, protocol);
    }

    /**
     * Connects to {@code remote} from {@code local}: the socket is bound to that address first (port 0
     * picks an ephemeral port on it). A client spreads its connections over several local addresses
     * (127.0.0.2, 127.0.0.3, ... on loopback) to open more than one address's ephemeral ports allow.
     *
     * @param local the source address, or null to let the kernel choose
     */
    public <I, O> CompletableFuture<Connection<O>> connect(InetSocketAddress remote, InetSocketAddress local,
                                                           Protocol<I, O> protocol) {
        if (protocol.isSequential()) {
            throw new IllegalArgumentException("outbound connections take a callback protocol");
        }
        return engine.connect(remote, local, protocol, limits, counters);
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
