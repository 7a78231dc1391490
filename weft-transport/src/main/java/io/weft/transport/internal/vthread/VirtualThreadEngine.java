package io.weft.transport.internal.vthread;

import io.weft.transport.Connection;
import io.weft.transport.Listener;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Protocol;
import io.weft.transport.internal.ConnectionGroup;
import io.weft.transport.internal.SharedBufferPool;
import io.weft.transport.internal.Sockets;
import io.weft.transport.spi.BoundListener;
import io.weft.transport.spi.ListenerCounters;
import io.weft.transport.spi.TransportEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One virtual thread per connection, reading with blocking calls (Go's model), plus a writer virtual
 * thread per connection while it has output to send, so a peer that stops reading stalls only its own
 * writer and is cut off at the output cap while its reader keeps going.
 */
public final class VirtualThreadEngine implements TransportEngine {

    /** The groups (listeners, connectors) this engine serves; their live sets hold the connections. */
    private final Set<ConnectionGroup> groups = ConcurrentHashMap.newKeySet();
    private final Map<ListenerCounters, ConnectionGroup> outboundGroups = new IdentityHashMap<>();
    private final IdleSweeper sweeper = new IdleSweeper(groups);
    /** Large read buffers, lent to readers for the length of a burst. */
    final SharedBufferPool largeBuffers = new SharedBufferPool(VtInput.LARGE_READ, 256);
    /** Whether sockets park on the JDK's poller themselves (see {@link VtSocket}). */
    private final boolean polledSockets;
    private volatile boolean closed;

    /** The latest sweep's time (see {@link IdleSweeper#coarseNow()}). */
    long coarseNow() {
        return sweeper.coarseNow();
    }

    /** An engine whose sockets park on the JDK's poller when it is visible, as with {@code ./weft}. */
    public VirtualThreadEngine() {
        this(VtSocket.pollerAvailable());
    }

    /**
     * An engine whose sockets park on the JDK's poller ({@code polledSockets}, which needs
     * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}) or use blocking channels, public API only.
     */
    public VirtualThreadEngine(boolean polledSockets) {
        if (polledSockets && !VtSocket.pollerAvailable()) {
            throw new IllegalStateException(
                    "polled sockets need the JVM option --add-exports java.base/sun.nio.ch=ALL-UNNAMED");
        }
        this.polledSockets = polledSockets;
    }

    /** True when this engine's sockets park on the JDK's poller. */
    public boolean polledSockets() {
        return polledSockets;
    }

    VtSocket socket(SocketChannel channel) throws IOException {
        return polledSockets ? VtSocket.polled(channel) : VtSocket.portable(channel);
    }

    @Override
    public String name() {
        return "vthread";
    }

    @Override
    public BoundListener bind(Listener listener, ListenerCounters counters) throws IOException {
        ensureOpen();
        VtAcceptor acceptor = new VtAcceptor(this, listener, new ConnectionGroup(listener.limits(), counters));
        acceptor.start(Thread.ofVirtual());
        return acceptor;
    }

    @Override
    public <I, O> CompletableFuture<Connection<O>> connect(InetSocketAddress remote, InetSocketAddress local,
                                                           Protocol<I, O> protocol, ListenerLimits limits,
                                                           ListenerCounters counters) {
        ensureOpen();
        ConnectionGroup group;
        synchronized (outboundGroups) {
            group = outboundGroups.computeIfAbsent(counters, c -> new ConnectionGroup(limits, c));
        }
        CompletableFuture<Connection<O>> result = new CompletableFuture<>();
        Thread.ofVirtual().name("weft-connect").start(() -> {
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open();
                if (local != null) {
                    channel.bind(local);
                }
                channel.connect(remote);
                if (!group.tryAdmit()) {
                    throw new IOException("connector is at its connection limit");
                }
                start(group, protocol, channel, result);
            } catch (IOException | RuntimeException e) {
                Sockets.closeQuietly(channel);
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Starts serving an admitted connection on a new virtual thread. */
    <I, O> void start(ConnectionGroup group, Protocol<I, O> protocol, SocketChannel channel,
                      CompletableFuture<Connection<O>> opened) throws IOException {
        Sockets.configure(channel);
        VtConnection<I, O> c = new VtConnection<>(this, group, protocol, channel);
        groups.add(group);
        sweeper.ensureRunning(group.limits());
        c.start(opened);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sweeper.stop();
        for (ConnectionGroup group : groups) {
            group.forEach(c -> ((VtConnection<?, ?>) c).abortOnStop());
        }
    }
}
