package io.weft.loadgen.internal;

import java.time.Duration;

/**
 * The generator's own CPU use over the measured window: process CPU time over wall time. A generator
 * near its cores' limit measures itself as much as the server, so reports show this next to the rate.
 */
final class CpuClock {

    private long cpuAtMark = -1;
    private long wallAtMark;

    /** Starts the window at {@code nowNanos}. */
    void mark(long nowNanos) {
        cpuAtMark = processCpuNanos();
        wallAtMark = nowNanos;
    }

    void markOnce(long nowNanos) {
        if (cpuAtMark < 0) {
            mark(nowNanos);
        }
    }

    /** Cores busy on average from the mark to {@code nowNanos} (1.0 = one core); 0 when unknown. */
    double coresSince(long nowNanos) {
        long cpu = processCpuNanos();
        if (cpuAtMark < 0 || cpu < 0 || nowNanos <= wallAtMark) {
            return 0;
        }
        return (cpu - cpuAtMark) / (double) (nowNanos - wallAtMark);
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
