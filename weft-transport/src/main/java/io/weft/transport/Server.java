package io.weft.transport;

import io.weft.transport.spi.BoundListener;
import io.weft.transport.spi.ListenerCounters;
import io.weft.transport.spi.TransportEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of listeners started and shut down together.
 *
 * <pre>{@code
 * Server server = Server.of(Listener.loopback("echo", Engine.LOOP.create(), echoProtocol)).start();
 * InetSocketAddress where = server.address("echo");
 * ...
 * ShutdownSummary summary = server.shutdown(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>The server owns the engines of its listeners and closes them at the end of {@link #shutdown}.
 */
public final class Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Server.class);

    private final Map<String, Listener> listeners = new LinkedHashMap<>();
    private final Map<String, ListenerCounters> counters = new LinkedHashMap<>();
    private final Map<String, BoundListener> bound = new LinkedHashMap<>();
    private ShutdownSummary shutdownSummary;

    private Server(List<Listener> listeners) {
        for (Listener l : listeners) {
            if (this.listeners.putIfAbsent(l.name(), l) != null) {
                throw new IllegalArgumentException("two listeners named " + l.name());
            }
            counters.put(l.name(), new ListenerCounters());
        }
    }

    public static Server of(Listener... listeners) {
        return new Server(List.of(listeners));
    }

    public static Server of(List<Listener> listeners) {
        return new Server(listeners);
    }

    /** Binds every listener. If one fails, those already bound are closed and the error is thrown. */
    public synchronized Server start() throws IOException {
        if (!bound.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        try {
            for (Listener l : listeners.values()) {
                BoundListener b = l.engine().bind(l, counters.get(l.name()));
                bound.put(l.name(), b);
                log.info("listener {} ({} engine, {}) on {}", l.name(), l.engine().name(), l.protocol().name(),
                        b.localAddress());
            }
        } catch (IOException | RuntimeException e) {
            bound.values().forEach(BoundListener::stopAccepting);
            closeEngines();
            shutdownSummary = new ShutdownSummary(0, 0);
            throw e;
        }
        return this;
    }

    /** The bound address of the named listener. */
    public synchronized InetSocketAddress address(String listenerName) {
        BoundListener b = bound.get(listenerName);
        if (b == null) {
            throw new NoSuchElementException("no started listener " + listenerName);
        }
        return b.localAddress();
    }

    /** A snapshot of the named listener's counters. */
    public ListenerStats stats(String listenerName) {
        ListenerCounters c = counters.get(listenerName);
        if (c == null) {
            throw new NoSuchElementException("no listener " + listenerName);
        }
        return c.snapshot();
    }

    /**
     * Shuts down in four steps: stop accepting; let in-flight messages finish and their replies flush;
     * close idle connections (each busy one as soon as it is done); at {@code grace}, close the rest by
     * force. Then the engines stop. Idempotent: a second call returns the first call's summary.
     */
    public synchronized ShutdownSummary shutdown(Duration grace) {
        if (shutdownSummary != null) {
            return shutdownSummary;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        bound.values().forEach(BoundListener::stopAccepting);
        ShutdownSummary total = new ShutdownSummary(0, 0);
        try {
            for (BoundListener b : bound.values()) {
                total = total.plus(b.drain(deadline));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeEngines();
        shutdownSummary = total;
        log.info("shut down: {} connections closed gracefully, {} by force", total.graceful(), total.forced());
        return total;
    }

    private void closeEngines() {
        Map<TransportEngine, Boolean> engines = new IdentityHashMap<>();
        listeners.values().forEach(l -> engines.put(l.engine(), Boolean.TRUE));
        new ArrayList<>(engines.keySet()).forEach(TransportEngine::close);
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }
}
