package io.weft.loadgen.report;

import io.weft.loadgen.LoadResult;
import io.weft.loadgen.LoadSpec;
import java.util.Locale;

/** Formatting shared by the reports: latencies with a unit that suits them, the run's load in words. */
final class Units {

    /** The percentiles every report lists, with their labels. */
    static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    static final String[] PERCENTILE_LABELS = {"p50", "p90", "p99", "p99.9", "p99.99"};

    private Units() {
    }

    /** "812 µs", "4.21 ms", "1.50 s": three significant figures or so, in the largest unit below the value. */
    static String latency(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f req/s", perSecond);
    }

    /** "open loop at 1000 req/s, 4 connections on 2 threads, at most 1 in flight each, 10 s after 3 s warm-up". */
    static String load(LoadSpec spec) {
        StringBuilder s = new StringBuilder();
        s.append(spec.model()).append(", ").append(spec.connections()).append(" connections on ")
                .append(spec.threads()).append(spec.threads() == 1 ? " thread" : " threads")
                .append(", at most ").append(spec.maxInFlight()).append(" in flight each, ");
        if (!spec.duration().isZero()) {
            s.append(seconds(spec.duration().toNanos()));
        }
        if (spec.requests() > 0) {
            s.append(spec.duration().isZero() ? "" : " or ").append(spec.requests()).append(" requests");
        }
        if (!spec.warmup().isZero()) {
            s.append(" after ").append(seconds(spec.warmup().toNanos())).append(" warm-up");
        }
        return s.toString();
    }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.3f s", s);
    }

    static String address(LoadSpec spec) {
        return spec.address().getHostString() + ":" + spec.address().getPort();
    }

    /** "0.42 cores (21% of 2)", and "; 0.10 of them polling while idle" when the loops polled. */
    static String cpu(LoadResult r, int cores) {
        String used = String.format(Locale.ROOT, "%.2f cores (%.0f%% of %d)", r.cpuCores(),
                100 * r.cpuCores() / cores, cores);
        return r.idlePollCores() < 0.005 ? used
                : used + String.format(Locale.ROOT, "; %.2f of them polling while idle", r.idlePollCores());
    }
}
