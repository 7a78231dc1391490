package io.weft.loadgen.internal;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The generator's own CPU use over the measured window: process CPU time over wall time. A generator
 * near its cores' limit measures itself as much as the server, so reports show this next to the rate.
 * Of that, the time the event loops spent polling while idle is tracked apart: it is CPU the generator
 * could have spent on more load.
 */
final class CpuClock {

    private final Supplier<Duration> idlePolled;
    private long cpuAtMark = -1;
    private long idlePolledAtMark;
    private long wallAtMark;

    /** @param idlePolled total idle-polling time so far, e.g. {@code engine::idlePollTime} */
    CpuClock(Supplier<Duration> idlePolled) {
        this.idlePolled = idlePolled;
    }

    /** Starts the window at {@code nowNanos}. */
    void mark(long nowNanos) {
        cpuAtMark = processCpuNanos();
        idlePolledAtMark = idlePolled.get().toNanos();
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

    /** Cores spent polling while idle, on average from the mark to {@code nowNanos}; 0 when unknown. */
    double idlePollCoresSince(long nowNanos) {
        if (cpuAtMark < 0 || nowNanos <= wallAtMark) {
            return 0;
        }
        return (idlePolled.get().toNanos() - idlePolledAtMark) / (double) (nowNanos - wallAtMark);
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
