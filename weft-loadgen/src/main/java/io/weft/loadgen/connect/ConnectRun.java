package io.weft.loadgen.connect;

import io.weft.loadgen.spi.Target;
import io.weft.transport.Connector;
import io.weft.transport.Engine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The run behind {@link ConnectBench}: one keeper thread (the caller) starts the connects when they fall
 * due, then sweeps the connections every {@link #SWEEP_NANOS} for timeouts and pings. Phases: opening
 * (until every connect has succeeded or failed), holding, the last ping, closing. About once a second the
 * keeper hands a {@link ConnectProgress} to the run's listener.
 */
final class ConnectRun {

    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ConnectSpec spec;
    private final Consumer<String> progress;
    private final Consumer<ConnectProgress> status;
    private final HeldConnection<?>[] connections;
    private final InetSocketAddress[] sources;
    private final long timeout;
    private final long pingEvery;

    // Written by the event loops.
    private final LongAdder opened = new LongAdder();
    private final AtomicLongArray failures = new AtomicLongArray(ConnectFailure.values().length);
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong peakOpen = new AtomicLong();
    private final AtomicLong lastOpenedAt = new AtomicLong(Long.MIN_VALUE);
    private final Histogram connectTime = ConnectResult.newHistogram();

    // Keeper side: the phase being reported and the last report.
    private ConnectProgress.Phase phase = ConnectProgress.Phase.OPENING;
    private long phaseStart;
    private long phaseNanos;
    private long issued;
    private long lastStatusAt;
    private long lastStatusOpened;

    <I> ConnectRun(ConnectSpec spec, Target<I> target, Consumer<String> progress, Consumer<ConnectProgress> status) {
        this.spec = spec;
        this.progress = progress;
        this.status = status;
        this.connections = new HeldConnection<?>[spec.connections()];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = new HeldConnection<>(this, target, i);
        }
        List<InetAddress> from = spec.sources();
        this.sources = from.stream().map(a -> new InetSocketAddress(a, 0)).toArray(InetSocketAddress[]::new);
        this.timeout = spec.timeout().toNanos();
        this.pingEvery = spec.pingInterval().toNanos();
    }

    ConnectResult run() {
        try (Connector connector = new Connector(Engine.LOOP.create(spec.threads()))) {
            long start = System.nanoTime();
            lastStatusAt = start;
            enter(ConnectProgress.Phase.OPENING, start, (long) Math.ceil(connections.length * 1e9 / spec.rate()));
            long openedBy = open(connector, start);
            long openNanos = (lastOpenedAt.get() == Long.MIN_VALUE ? openedBy : lastOpenedAt.get()) - start;
            progress.accept(String.format(Locale.ROOT, "opened %d of %d in %.1f s; holding them for %d ms",
                    opened.sum(), connections.length, openNanos / 1e9, spec.hold().toMillis()));
            long holdStart = System.nanoTime();
            enter(ConnectProgress.Phase.HOLDING, holdStart, spec.hold().toNanos());
            hold(holdStart + spec.hold().toNanos());
            long survived = lastPing();
            for (HeldConnection<?> c : connections) {
                c.finish();
            }
            EnumMap<ConnectFailure, Long> byCause = new EnumMap<>(ConnectFailure.class);
            for (ConnectFailure f : ConnectFailure.values()) {
                byCause.put(f, failures.get(f.ordinal()));
            }
            Histogram time;
            synchronized (connectTime) {
                time = connectTime.copy();
            }
            return new ConnectResult(connections.length, opened.sum(), survived, byCause, Math.max(openNanos, 0),
                    time, peakOpen.get(), 1);
        }
    }

    /** Starts every connect when it falls due; returns when all have opened or failed. */
    private long open(Connector connector, long start) {
        double interval = 1e9 / spec.rate();
        int next = 0;
        long lastSweep = start;
        while (true) {
            long now = System.nanoTime();
            while (next < connections.length && start + (long) (next * interval) - now <= 0) {
                InetSocketAddress local = sources.length == 0 ? null : sources[next % sources.length];
                connections[next].connect(connector, spec.address(), local, start + (long) (next * interval));
                next++;
            }
            issued = next;
            report(now);
            if (now - lastSweep >= SWEEP_NANOS) {
                lastSweep = now;
                boolean connecting = sweep(now, next);
                if (!connecting && next == connections.length) {
                    return now;
                }
            }
            long wake = next < connections.length ? start + (long) (next * interval) : lastSweep + SWEEP_NANOS;
            LockSupport.parkNanos(Math.min(wake, lastSweep + SWEEP_NANOS) - now);
        }
    }

    private void hold(long until) {
        for (long now = System.nanoTime(); now - until < 0; now = System.nanoTime()) {
            sweep(now, connections.length);
            report(now);
            LockSupport.parkNanos(Math.min(SWEEP_NANOS, until - now));
        }
    }

    /** Pings every open connection once more and counts those that answer within the timeout. */
    private long lastPing() {
        long since = System.nanoTime();
        enter(ConnectProgress.Phase.CHECKING, since, -1);
        for (HeldConnection<?> c : connections) {
            c.ping(since);
        }
        long deadline = since + timeout + SWEEP_NANOS;
        for (long now = since; now - deadline < 0 && sweepFinal(now); now = System.nanoTime()) {
            report(now);
            LockSupport.parkNanos(SWEEP_NANOS);
        }
        long survived = 0;
        for (HeldConnection<?> c : connections) {
            if (c.answeredSince(since)) {
                survived++;
            }
        }
        return survived;
    }

    private void enter(ConnectProgress.Phase next, long now, long plannedNanos) {
        phase = next;
        phaseStart = now;
        phaseNanos = plannedNanos;
    }

    /** Tells the listener how the run is going, if a second has passed since it was last told. */
    private void report(long now) {
        long since = now - lastStatusAt;
        if (since < PROGRESS_NANOS) {
            return;
        }
        long openedNow = opened.sum();
        long failed = 0;
        for (int i = 0; i < failures.length(); i++) {
            failed += failures.get(i);
        }
        long p99;
        synchronized (connectTime) {
            p99 = connectTime.getValueAtPercentile(99);
        }
        status.accept(new ConnectProgress(phase, now - phaseStart, phaseNanos, issued, openedNow, open.get(), failed,
                (openedNow - lastStatusOpened) * 1e9 / since, p99));
        lastStatusAt = now;
        lastStatusOpened = openedNow;
    }

    /**
     * Sweeps the first {@code issued} connections; true if some connect is still under way. (Pings do
     * not count: with many connections one is nearly always outstanding.)
     */
    private boolean sweep(long now, int issued) {
        boolean connecting = false;
        for (int i = 0; i < issued; i++) {
            connections[i].sweep(now, timeout, pingEvery);
            connecting |= connections[i].state() == HeldConnection.State.CONNECTING;
        }
        return connecting;
    }

    /** In the last ping: times out, but sends no new pings. */
    private boolean sweepFinal(long now) {
        boolean pending = false;
        for (HeldConnection<?> c : connections) {
            c.sweep(now, timeout, 0);
            pending |= c.pending();
        }
        return pending;
    }

    // ---- event loops -----------------------------------------------------------------------------

    void opened(long due, long now) {
        opened.increment();
        long n = open.incrementAndGet();
        peakOpen.accumulateAndGet(n, Math::max);
        lastOpenedAt.accumulateAndGet(now, (a, b) -> a == Long.MIN_VALUE || b - a > 0 ? b : a);
        long time = Math.min(Math.max(now - due, 0), ConnectResult.MAX_RECORDED_NANOS);
        synchronized (connectTime) {
            connectTime.recordValue(time);
        }
    }

    void failed(ConnectFailure cause, boolean wasOpen) {
        failures.incrementAndGet(cause.ordinal());
        if (wasOpen) {
            open.decrementAndGet();
        }
    }
}
