package io.weft.transport.internal.vthread;

import io.weft.transport.ListenerLimits;
import io.weft.transport.internal.BaseConnection;
import io.weft.transport.internal.ConnectionGroup;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * One virtual thread per engine that wakes every sweep interval to fire idle events, end lingering
 * closes and retire writer threads that have nothing to do. A scan beats a timer per connection: it
 * costs no memory per connection and nothing on the read path.
 */
final class IdleSweeper implements Runnable {

    /** Even without idle timers, sweep this often so lingering closes and idle writers end. */
    private static final long DEFAULT_INTERVAL = 500_000_000L;

    private final Set<ConnectionGroup> groups;
    private volatile long interval = DEFAULT_INTERVAL;
    /** {@link System#nanoTime()} at the latest sweep: a clock for marks that need no finer grain. */
    private volatile long now = System.nanoTime();
    private volatile boolean running;
    private Thread thread;

    IdleSweeper(Set<ConnectionGroup> groups) {
        this.groups = groups;
    }

    synchronized void ensureRunning(ListenerLimits limits) {
        long wanted = Math.min(BaseConnection.sweepIntervalNanos(limits), DEFAULT_INTERVAL);
        if (wanted < interval) {
            interval = wanted;
        }
        if (thread == null) {
            running = true;
            thread = Thread.ofVirtual().name("weft-idle-sweeper").start(this);
        }
    }

    /** The time of the latest sweep, at most one sweep interval behind {@link System#nanoTime()}. */
    long coarseNow() {
        return now;
    }

    synchronized void stop() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        while (running) {
            LockSupport.parkNanos(interval);
            long now = System.nanoTime();
            this.now = now;
            for (ConnectionGroup group : groups) {
                group.forEach(c -> ((VtConnection<?, ?>) c).sweep(now));
            }
        }
    }
}
