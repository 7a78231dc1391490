package io.weft.transport.internal;

import io.weft.transport.ListenerLimits;
import io.weft.transport.ShutdownSummary;
import io.weft.transport.spi.ListenerCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live connections of one listener (or connector): admission against the connection limit, the
 * counters, and the shutdown drain that both engines share.
 */
public final class ConnectionGroup {

    private final ListenerLimits limits;
    private final ListenerCounters counters;
    private final Set<BaseConnection<?, ?>> live = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private volatile boolean draining;
    private final AtomicInteger lateArrivals = new java.util.concurrent.atomic.AtomicInteger();

    public ConnectionGroup(ListenerLimits limits, ListenerCounters counters) {
        this.limits = limits;
        this.counters = counters;
    }

    public ListenerLimits limits() {
        return limits;
    }

    public ListenerCounters counters() {
        return counters;
    }

    public boolean isDraining() {
        return draining;
    }

    /**
     * Reserves a slot for a newly accepted connection. False (and counted as rejected) when the
     * listener is at its limit or shutting down.
     */
    public boolean tryAdmit() {
        if (draining) {
            counters.rejected.increment();
            return false;
        }
        if (counters.active.incrementAndGet() > limits.maxConnections()) {
            counters.active.decrementAndGet();
            counters.rejected.increment();
            return false;
        }
        counters.accepted.increment();
        return true;
    }

    /** Gives back a slot reserved by {@link #tryAdmit()} for a connection that never got registered. */
    public void release() {
        counters.active.decrementAndGet();
        signalChange();
    }

    public void register(BaseConnection<?, ?> c) {
        live.add(c);
        if (draining) {
            lateArrivals.incrementAndGet();
            c.beginDrain();
        }
    }

    public void unregister(BaseConnection<?, ?> c) {
        if (live.remove(c)) {
            counters.active.decrementAndGet();
            signalChange();
        }
    }

    /** Wakes {@link #drain} to look again: a connection closed or sent its FIN. */
    public void signalChange() {
        if (!draining) {
            return;
        }
        lock.lock();
        try {
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Calls {@code action} for each live connection (weakly consistent, like the set it walks). */
    public void forEach(java.util.function.Consumer<BaseConnection<?, ?>> action) {
        live.forEach(action);
    }

    /** See {@link io.weft.transport.spi.BoundListener#drain(long)}. */
    public ShutdownSummary drain(long deadlineNanos) throws InterruptedException {
        draining = true;
        // Connections that already sent their FIN (lingering after an earlier close) are not counted.
        List<BaseConnection<?, ?>> all = new ArrayList<>();
        for (BaseConnection<?, ?> c : live) {
            if (!c.isFinished()) {
                all.add(c);
            }
        }
        all.forEach(BaseConnection::beginDrain);
        lock.lock();
        try {
            while (!allSettled()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                settled.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
        int forced = 0;
        for (BaseConnection<?, ?> c : new ArrayList<>(live)) {
            if (c.isFinished()) {
                c.release();
            } else {
                forced++;
                c.forceClose();
            }
        }
        forced = Math.min(forced, all.size() + lateArrivals.get());
        return new ShutdownSummary(all.size() + lateArrivals.get() - forced, forced);
    }

    /** True when every live connection has sent its last byte and its FIN. */
    private boolean allSettled() {
        for (BaseConnection<?, ?> c : live) {
            if (!c.isFinished()) {
                return false;
            }
        }
        return true;
    }
}
