package io.weft.loadgen.internal;

import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.Interval;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency and error bookkeeping for one run. Event loops record concurrently; one sampler thread takes
 * an interval at a time ({@link #sample}) and keeps the totals and the timeline.
 *
 * <p>A request belongs to the warm-up or to the measured window by its <em>intended</em> send time, not
 * by when its reply happens to arrive: a request due during the warm-up is never measured, and one due
 * after it always is, even if a stall delays its reply. So the boundary is exact whatever the latency.
 *
 * <p>Latency is recorded with plain {@code recordValue}, measured from the intended send time. That is
 * the coordinated-omission correction for an open-loop run. HdrHistogram's other correction,
 * {@code recordValueWithExpectedInterval}, back-fills the samples a stalled closed-loop sender failed to
 * send; here every request is really sent and measured, so back-filling would count stalls twice. A
 * closed-loop run is left uncorrected on purpose: it is the view that hides stalls, kept for contrast.
 */
final class Measurements {

    /** Latencies above an hour are clamped to it. */
    static final long HIGHEST_TRACKABLE = TimeUnit.HOURS.toNanos(1);
    private static final int DIGITS = 3;

    private final long measureStart;
    private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE, DIGITS);
    private final LongAdder[] errors = new LongAdder[ErrorKind.values().length];
    private final LongAdder warmupReplies = new LongAdder();
    private volatile long lastSettledNanos;

    // Sampler thread only.
    private final Histogram total = new Histogram(HIGHEST_TRACKABLE, DIGITS);
    private final List<Interval> timeline = new ArrayList<>();
    private final long[] errorsSampled = new long[errors.length];
    private long warmupRepliesSampled;
    private Histogram recycled;
    /** The latest timeline interval's latencies, kept so a short last interval can be merged into it. */
    private Histogram lastInterval;
    private long lastIntervalFrom;
    /** What was recorded before the first measured interval began (see {@link #sample}). */
    private Histogram carried;
    private long carriedErrors;
    private long lastSampleNanos;
    private double lastRate;

    Measurements(long measureStartNanos, long startNanos) {
        this.measureStart = measureStartNanos;
        this.lastSampleNanos = startNanos;
        for (int i = 0; i < errors.length; i++) {
            errors[i] = new LongAdder();
        }
    }

    /** A request intended at {@code intendedNanos} was answered correctly at {@code nowNanos}. */
    void success(long intendedNanos, long nowNanos) {
        lastSettledNanos = nowNanos;
        if (intendedNanos < measureStart) {
            warmupReplies.increment();
            return;
        }
        recorder.recordValue(Math.clamp(nowNanos - intendedNanos, 0, HIGHEST_TRACKABLE));
    }

    /** A request intended at {@code intendedNanos} failed; not counted if it belonged to the warm-up. */
    void error(ErrorKind kind, long intendedNanos) {
        lastSettledNanos = System.nanoTime();
        if (intendedNanos >= measureStart) {
            errors[kind.ordinal()].increment();
        }
    }

    /**
     * Something went wrong that no single request owns (a refused connection, a connection closed while
     * idle), at {@code nowNanos}. Counted once the measured window began; a refused connection is
     * counted always, since the whole run then applies less load than asked for.
     */
    void event(ErrorKind kind, long nowNanos) {
        if (kind == ErrorKind.CONNECT || nowNanos >= measureStart) {
            errors[kind.ordinal()].increment();
        }
    }

    /** When the latest request was answered or given up on (0 before the first). */
    long lastSettledNanos() {
        return lastSettledNanos;
    }

    /**
     * Sampler thread: closes the interval ending at {@code nowNanos}, adds it to the totals, and returns it
     * as a timeline entry. An interval ending at or before the end of the warm-up returns null: it holds
     * no measured latency, except perhaps a few recorded just before a sample taken at the boundary,
     * and those are carried into the first measured interval.
     */
    Interval sample(long nowNanos) {
        return sample(nowNanos, false);
    }

    /**
     * Sampler thread: the last sample, once every reply is in at {@code nowNanos}. A last interval shorter than
     * {@code minNanos} (the few replies that came in after the end) is merged into the one before, so a
     * handful of replies over a millisecond does not plot as a spike in the rate.
     */
    Interval finish(long nowNanos, long minNanos) {
        // The interval ends with the last reply, not when the senders noticed there were no more.
        long end = Math.max(lastSampleNanos, Math.min(nowNanos, lastSettledNanos));
        boolean merge = !timeline.isEmpty() && end - lastSampleNanos < minNanos && end > measureStart;
        return sample(end, merge);
    }

    private Interval sample(long nowNanos, boolean mergeWithPrevious) {
        recycled = recorder.getIntervalHistogram(recycled);
        total.add(recycled);
        long errorDelta = 0;
        for (int i = 0; i < errors.length; i++) {
            long sum = errors[i].sum();
            errorDelta += sum - errorsSampled[i];
            errorsSampled[i] = sum;
        }
        long warm = warmupReplies.sum();
        long span = nowNanos - lastSampleNanos;
        lastRate = span > 0 ? (recycled.getTotalCount() + warm - warmupRepliesSampled) * 1e9 / span : 0;
        warmupRepliesSampled = warm;
        long from = Math.max(lastSampleNanos, measureStart);
        lastSampleNanos = nowNanos;
        if (nowNanos <= measureStart) {
            carried = carried == null ? new Histogram(HIGHEST_TRACKABLE, DIGITS) : carried;
            carried.add(recycled);
            carriedErrors += errorDelta;
            return null;
        }
        if (carried != null) {
            recycled.add(carried);
            errorDelta += carriedErrors;
            carried = null;
        }
        if (mergeWithPrevious) {
            Interval previous = timeline.removeLast();
            lastInterval.add(recycled);
            from = lastIntervalFrom;
            errorDelta += previous.errors();
        } else {
            lastInterval = recycled.copy();
            lastIntervalFrom = from;
        }
        Interval interval = intervalOf(lastInterval, from, nowNanos, errorDelta);
        timeline.add(interval);
        return interval;
    }

    private Interval intervalOf(Histogram h, long from, long to, long errorCount) {
        long n = h.getTotalCount();
        return new Interval((to - measureStart) / 1e9, (to - from) / 1e9, n,
                n == 0 ? 0 : h.getValueAtPercentile(50), n == 0 ? 0 : h.getValueAtPercentile(99),
                n == 0 ? 0 : h.getMaxValue(), errorCount);
    }

    /** Replies per second over the last sampled interval, warm-up replies included. */
    double lastRate() {
        return lastRate;
    }

    /** Every measured latency sampled so far. Sampler thread only; do not modify. */
    Histogram total() {
        return total;
    }

    List<Interval> timeline() {
        return List.copyOf(timeline);
    }

    /** Errors counted so far, by kind. */
    Map<ErrorKind, Long> errors() {
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            byKind.put(kind, errors[kind.ordinal()].sum());
        }
        return byKind;
    }

    long errorCount() {
        long n = 0;
        for (LongAdder e : errors) {
            n += e.sum();
        }
        return n;
    }
}
