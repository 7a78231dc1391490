package io.weft.loadgen;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a run measured. Only the measured window counts: nothing sent during the warm-up is in here.
 *
 * @param target    the target's one-line description
 * @param spec      how the run was configured
 * @param started   wall-clock time the load started (warm-up included)
 * @param requests  successful replies to measured requests
 * @param seconds   length of the measured window
 * @param latency   latency of every successful measured request, in nanoseconds, from intended send time
 * @param timeline  one entry per sampling interval of the measured window
 * @param errors    errors by kind; every kind is present
 * @param cpuCores  the generator's own CPU use over the measured window, in cores (1.0 = one core busy)
 * @param idlePollCores the part of {@code cpuCores} its event loops spent polling while they had nothing to do
 *                  (see {@link LoadSpec#idlePoll()}): busy to the operating system, but spare capacity
 */
public record LoadResult(String target, LoadSpec spec, Instant started, long requests, double seconds,
                         Histogram latency, List<Interval> timeline, Map<ErrorKind, Long> errors,
                         double cpuCores, double idlePollCores) {

    public LoadResult {
        timeline = List.copyOf(timeline);
        EnumMap<ErrorKind, Long> all = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            all.put(kind, errors.getOrDefault(kind, 0L));
        }
        errors = java.util.Collections.unmodifiableMap(all);
    }

    /** Successful replies per second over the measured window. */
    public double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    public long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Latency at {@code percentile} (0 to 100) in nanoseconds; 0 when nothing succeeded. */
    public long percentileNanos(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile);
    }

    public long maxNanos() {
        return latency.getTotalCount() == 0 ? 0 : latency.getMaxValue();
    }
}
