package io.weft.loadgen.connect;

import java.util.List;
import java.util.Locale;

/**
 * A look at a connect run under way, taken about once a second.
 *
 * @param phase             opening, holding, or the last check
 * @param elapsedNanos      time since the phase began
 * @param phaseNanos        how long the phase is planned to last (-1: until every connect or ping settles)
 * @param attempted         connects started so far
 * @param opened            connects that succeeded so far
 * @param open              connections open now
 * @param failed            connections lost so far, all causes
 * @param connectsPerSecond connects that succeeded per second over the last look
 * @param p99ConnectNanos   99th percentile time to open so far
 */
public record ConnectProgress(Phase phase, long elapsedNanos, long phaseNanos, long attempted, long opened, long open,
                              long failed, double connectsPerSecond, long p99ConnectNanos) {

    public enum Phase { OPENING, HOLDING, CHECKING }

    /**
     * Several processes' progress as one: counts and rates add up, the phase is the earliest any process is
     * in (with the longest time in it), and the p99 is the worst of theirs, an upper bound on the true one.
     */
    public static ConnectProgress combine(List<ConnectProgress> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine");
        }
        Phase phase = parts.stream().map(ConnectProgress::phase).min(Enum::compareTo).orElseThrow();
        long elapsed = 0;
        long planned = -1;
        long attempted = 0;
        long opened = 0;
        long open = 0;
        long failed = 0;
        double rate = 0;
        long p99 = 0;
        for (ConnectProgress p : parts) {
            if (p.phase == phase) {
                elapsed = Math.max(elapsed, p.elapsedNanos);
                planned = Math.max(planned, p.phaseNanos);
            }
            attempted += p.attempted;
            opened += p.opened;
            open += p.open;
            failed += p.failed;
            rate += p.connectsPerSecond;
            p99 = Math.max(p99, p.p99ConnectNanos);
        }
        return new ConnectProgress(phase, elapsed, planned, attempted, opened, open, failed, rate, p99);
    }

    /** One line of words and numbers, read back by {@link #parse}: how a child process reports to its parent. */
    public String format() {
        return String.format(Locale.ROOT, "progress %s %d %d %d %d %d %d %.3f %d", phase, elapsedNanos, phaseNanos,
                attempted, opened, open, failed, connectsPerSecond, p99ConnectNanos);
    }

    /** Reads a line {@link #format} wrote; null for any other line. */
    public static ConnectProgress parse(String line) {
        String[] f = line.strip().split(" ");
        if (f.length != 10 || !f[0].equals("progress")) {
            return null;
        }
        try {
            return new ConnectProgress(Phase.valueOf(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                    Double.parseDouble(f[8]), Long.parseLong(f[9]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
