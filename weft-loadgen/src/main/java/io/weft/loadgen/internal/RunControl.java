package io.weft.loadgen.internal;

import io.weft.loadgen.LoadModel;
import io.weft.loadgen.LoadSpec;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of one run, fixed when it starts: when the warm-up ends, when sending stops, and, in an
 * open-loop run, when each request is due. Also hands out the measured requests of a run limited by
 * count. Immutable apart from that counter, so every thread may read it freely.
 */
final class RunControl {

    final long start;
    final long measureStart;
    /** No request intended at or after this is sent; {@code Long.MAX_VALUE} when only a count limits. */
    final long end;
    final long timeoutNanos;
    /** Null in a closed-loop run. */
    final Schedule schedule;
    final Measurements measurements;
    /** Measured requests left to send, or null when no count limits the run. */
    private final AtomicLong tickets;

    private RunControl(LoadSpec spec, long startNanos) {
        this.start = startNanos;
        this.measureStart = startNanos + spec.warmup().toNanos();
        this.end = spec.duration().isZero() ? Long.MAX_VALUE : measureStart + spec.duration().toNanos();
        this.timeoutNanos = spec.requestTimeout().toNanos();
        this.schedule = spec.model() instanceof LoadModel.Open(double rate)
                ? new Schedule(startNanos, rate, spec.connections()) : null;
        this.measurements = new Measurements(measureStart, startNanos);
        this.tickets = spec.requests() > 0 ? new AtomicLong(spec.requests()) : null;
    }

    /** The clock of a run of {@code spec} starting at {@code startNanos}. */
    static RunControl begin(LoadSpec spec, long startNanos) {
        return new RunControl(spec, startNanos);
    }

    /** Whether a request count limits the run and every measured request has been sent. */
    boolean countReached() {
        return tickets != null && tickets.get() <= 0;
    }

    /**
     * Whether a request intended at {@code intendedNanos} may be sent; takes one of the measured requests
     * of a count-limited run. Once this said no, it says no to every later request.
     */
    boolean tryIssue(long intendedNanos) {
        if (intendedNanos >= end) {
            return false;
        }
        if (intendedNanos < measureStart || tickets == null) {
            return true;
        }
        return tickets.getAndDecrement() > 0;
    }

    /** Whether no request intended at {@code nowNanos} or later will be sent. */
    boolean issuingOver(long nowNanos) {
        return nowNanos >= end || (tickets != null && nowNanos >= measureStart && tickets.get() <= 0);
    }
}
