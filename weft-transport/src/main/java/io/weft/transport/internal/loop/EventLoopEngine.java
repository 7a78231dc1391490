package io.weft.transport.internal.loop;

import io.weft.transport.Connection;
import io.weft.transport.Listener;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Protocol;
import io.weft.transport.internal.ConnectionGroup;
import io.weft.transport.internal.Sockets;
import io.weft.transport.spi.BoundListener;
import io.weft.transport.spi.ListenerCounters;
import io.weft.transport.spi.TransportEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N NIO event loops, each a platform thread with its own selector, read buffer and buffer pool. Each
 * listener has a blocking acceptor thread that deals new connections out to the loops round-robin.
 */
public final class EventLoopEngine implements TransportEngine {

    private final int threads;
    private final long idlePollNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<ListenerCounters, ConnectionGroup> outboundGroups = new IdentityHashMap<>();
    private EventLoop[] loops;
    private boolean closed;

    public EventLoopEngine(int threads) {
        this(threads, Duration.ZERO);
    }

    /**
     * @param idlePoll how long a loop that ran out of work keeps polling before it sleeps (zero: it sleeps
     *                 at once); see {@link EventLoop}
     */
    public EventLoopEngine(int threads, Duration idlePoll) {
        if (threads < 1) {
            throw new IllegalArgumentException("an event-loop engine needs at least one loop");
        }
        if (idlePoll.isNegative()) {
            throw new IllegalArgumentException("idle poll time must be zero or positive: " + idlePoll);
        }
        this.threads = threads;
        this.idlePollNanos = idlePoll.toNanos();
    }

    @Override
    public String name() {
        return "loop";
    }

    private synchronized EventLoop[] loops() {
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
        if (loops == null) {
            loops = new EventLoop[threads];
            for (int i = 0; i < threads; i++) {
                loops[i] = new EventLoop("weft-loop-" + i, idlePollNanos);
                loops[i].thread.start();
            }
        }
        return loops;
    }

    EventLoop nextLoop() {
        EventLoop[] all = loops();
        return all[Math.floorMod(next.getAndIncrement(), all.length)];
    }

    @Override
    public Duration idlePollTime() {
        EventLoop[] all;
        synchronized (this) {
            all = loops;
        }
        long total = 0;
        if (all != null) {
            for (EventLoop loop : all) {
                total += loop.idlePolledNanos();
            }
        }
        return Duration.ofNanos(total);
    }

    @Override
    public BoundListener bind(Listener listener, ListenerCounters counters) throws IOException {
        loops();
        LoopAcceptor acceptor = new LoopAcceptor(this, listener, new ConnectionGroup(listener.limits(), counters));
        acceptor.start(Thread.ofPlatform().daemon(true));
        return acceptor;
    }

    @Override
    public <I, O> CompletableFuture<Connection<O>> connect(InetSocketAddress remote, InetSocketAddress local,
                                                           Protocol<I, O> protocol, ListenerLimits limits,
                                                           ListenerCounters counters) {
        CompletableFuture<Connection<O>> result = new CompletableFuture<>();
        ConnectionGroup group;
        synchronized (outboundGroups) {
            group = outboundGroups.computeIfAbsent(counters, c -> new ConnectionGroup(limits, c));
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            Sockets.configure(channel);
            if (local != null) {
                channel.bind(local);
            }
            EventLoop loop = nextLoop();
            PendingConnect<I, O> pending = new PendingConnect<>(group, protocol, channel, result);
            loop.execute(() -> pending.start(loop, remote));
        } catch (IOException | RuntimeException e) {
            Sockets.closeQuietly(channel);
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() {
        EventLoop[] toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = loops;
        }
        if (toStop == null) {
            return;
        }
        for (EventLoop loop : toStop) {
            loop.stop();
        }
        try {
            for (EventLoop loop : toStop) {
                loop.awaitStopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
