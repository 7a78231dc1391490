package io.weft.loadgen.report;

import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.LoadResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The summary a person reads at the end of a run:
 *
 * <pre>
 * target     echo, raw framing, 64-byte messages at 127.0.0.1:7000
 * load       open loop at 1000 req/s, 4 connections on 2 threads, at most 1 in flight each, 10 s
 * requests   10000 in 10.000 s: 1000 req/s
 * latency    p50 81.2 µs  p90 99.1 µs  p99 180.3 µs  p99.9 1.21 ms  p99.99 2.05 ms  max 2.10 ms
 * errors     0 (error-reply 0, mismatch 0, timeout 0, connect 0, closed 0)
 * generator  CPU 0.21 cores (11% of 2)
 * </pre>
 */
public final class TextReport {

    private TextReport() {
    }

    public static void write(RunInfo info, LoadResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "target     %s at %s%n", r.target(), Units.address(r.spec()));
        out.printf(Locale.ROOT, "load       %s%n", Units.load(r.spec()));
        out.printf(Locale.ROOT, "requests   %d in %.3f s: %s%n", r.requests(), r.seconds(), Units.rate(r.throughput()));
        StringJoiner latency = new StringJoiner("  ");
        for (int i = 0; i < Units.PERCENTILES.length; i++) {
            latency.add(Units.PERCENTILE_LABELS[i] + " " + Units.latency(r.percentileNanos(Units.PERCENTILES[i])));
        }
        latency.add("max " + Units.latency(r.maxNanos()));
        out.printf(Locale.ROOT, "latency    %s%n", r.requests() == 0 ? "none: no request succeeded" : latency);
        StringJoiner kinds = new StringJoiner(", ", " (", ")");
        for (ErrorKind kind : ErrorKind.values()) {
            kinds.add(kind.label() + " " + r.errors().get(kind));
        }
        out.printf(Locale.ROOT, "errors     %d%s%n", r.totalErrors(), kinds);
        out.printf(Locale.ROOT, "generator  CPU %s%n", Units.cpu(r, info.cores()));
        out.flush();
    }
}
