package io.weft.transport.spi;

import io.weft.transport.Connection;
import io.weft.transport.Listener;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Protocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What an engine provides: listening sockets and outbound connections that drive Weft's
 * {@link io.weft.transport.Handler} API. Implementations must pass the transport conformance suite.
 *
 * <p>An engine owns threads; {@link #close()} stops them. A {@link io.weft.transport.Server} closes the
 * engines of its listeners when it shuts down, and a {@link io.weft.transport.Connector} its own.
 */
public interface TransportEngine extends AutoCloseable {

    /** Short name for logs: "vthread", "loop". */
    String name();

    /** Binds {@code listener}'s address and starts accepting. */
    BoundListener bind(Listener listener, ListenerCounters counters) throws IOException;

    /**
     * Opens an outbound connection. The future completes after the handler's {@code onOpen} ran, or
     * exceptionally when the connection could not be made.
     *
     * @param local the address to bind the socket to before connecting (a source address, port 0 for an
     *              ephemeral one), or null to let the kernel choose
     */
    <I, O> CompletableFuture<Connection<O>> connect(InetSocketAddress remote, InetSocketAddress local,
                                                    Protocol<I, O> protocol, ListenerLimits limits,
                                                    ListenerCounters counters);

    /**
     * Time the engine's threads spent polling for I/O while they had nothing else to do: CPU time that
     * counts as busy to the operating system but did no work. Zero for an engine that never polls idle.
     */
    default Duration idlePollTime() {
        return Duration.ZERO;
    }

    /** Stops the engine's threads. Connections still open are aborted. Idempotent. */
    @Override
    void close();
}
