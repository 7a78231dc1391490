package io.weft.loadgen.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A sender thread and the drivers it owns. Each turn it services every driver (sends what fell due,
 * checks timeouts, reconnects), then parks until the earliest thing any of them waits for. Event loops
 * unpark it when a reply frees a slot it was waiting for, or a connection opens or closes.
 *
 * <p>When sending is over it keeps servicing until every reply is in. In a run limited by time, the drain
 * ends one request timeout after the end at the latest: whatever is still outstanding then counts as
 * timed out.
 */
final class Worker implements Runnable {

    /** Longest park: bounds how late a state change nobody signalled is noticed. */
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** After expiring, how long the aborted connections get to report their close. */
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final List<Driver<?>> drivers;
    private final RunControl run;

    Worker(List<Driver<?>> drivers, RunControl run) {
        this.drivers = drivers;
        this.run = run;
    }

    @Override
    public void run() {
        drivers.forEach(d -> d.owner(Thread.currentThread()));
        boolean timed = run.end != Long.MAX_VALUE;
        long drainDeadline = timed ? run.end + run.timeoutNanos : Long.MAX_VALUE;
        long hardStop = timed ? drainDeadline + SETTLE_NANOS : Long.MAX_VALUE;
        boolean expired = false;
        while (true) {
            long now = System.nanoTime();
            long wake = now + MAX_PARK_NANOS;
            boolean finished = true;
            for (Driver<?> d : drivers) {
                wake = Math.min(wake, d.service(now));
                finished &= d.finished(now);
            }
            if (finished || now >= hardStop) {
                return;
            }
            if (now >= drainDeadline && !expired) {
                drivers.forEach(d -> d.expire(now));
                expired = true;
                continue;
            }
            wake = Math.min(wake, drainDeadline);
            LockSupport.parkNanos(wake - System.nanoTime());
        }
    }
}
