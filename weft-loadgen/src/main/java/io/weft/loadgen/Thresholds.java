package io.weft.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pass/fail limits for a run, so a benchmark can gate a build. Each limit is optional (null: not checked).
 *
 * @param maxP99    the 99th percentile latency must not exceed this
 * @param minRate   throughput (successful replies per second) must reach this
 * @param maxErrors errors of all kinds together must not exceed this
 */
public record Thresholds(Duration maxP99, Double minRate, Long maxErrors) {

    public static final Thresholds NONE = new Thresholds(null, null, null);

    /** One sentence per limit the result breaks; empty when it passes. */
    public List<String> violations(LoadResult result) {
        List<String> broken = new ArrayList<>();
        if (maxP99 != null && result.percentileNanos(99) > maxP99.toNanos()) {
            broken.add(String.format(Locale.ROOT, "p99 latency %.3f ms is above the limit of %.3f ms",
                    result.percentileNanos(99) / 1e6, maxP99.toNanos() / 1e6));
        }
        if (maxP99 != null && result.requests() == 0) {
            broken.add("no request succeeded, so there is no p99 to check");
        }
        if (minRate != null && result.throughput() < minRate) {
            broken.add(String.format(Locale.ROOT, "throughput %.0f req/s is below the limit of %.0f req/s",
                    result.throughput(), minRate));
        }
        if (maxErrors != null && result.totalErrors() > maxErrors) {
            broken.add(String.format(Locale.ROOT, "%d errors, more than the limit of %d",
                    result.totalErrors(), maxErrors));
        }
        return broken;
    }
}
