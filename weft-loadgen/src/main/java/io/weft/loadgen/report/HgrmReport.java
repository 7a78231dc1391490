package io.weft.loadgen.report;

import io.weft.loadgen.LoadResult;
import java.io.PrintStream;

/**
 * HdrHistogram's percentile distribution text ({@code .hgrm}), in milliseconds, as HdrHistogram's own
 * plotter and other tools read it.
 */
public final class HgrmReport {

    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final double NANOS_PER_MILLI = 1e6;

    private HgrmReport() {
    }

    public static void write(LoadResult result, PrintStream out) {
        result.latency().outputPercentileDistribution(out, TICKS_PER_HALF_DISTANCE, NANOS_PER_MILLI);
        out.flush();
    }
}
