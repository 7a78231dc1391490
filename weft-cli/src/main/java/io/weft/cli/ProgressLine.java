package io.weft.cli;

import io.weft.loadgen.Progress;
import io.weft.loadgen.connect.ConnectProgress;
import io.weft.loadgen.ProgressListener;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live status line of a bench run, rewritten in place once a second:
 * {@code measuring 4s/10s   99871 req/s   p99 1.21 ms   errors 0}, or for a connect run
 * {@code opening 3s/10s   opened 30012/100000   open 30012   10004 conn/s   p99 0.41 ms   failed 0}. Only on a
 * terminal: in a pipe or a file, carriage returns would make a mess of the output that scripts read.
 */
final class ProgressLine implements ProgressListener {

    private final PrintWriter out;
    private int shown;

    private ProgressLine(PrintWriter out) {
        this.out = out;
    }

    /** A progress line on {@code out} if stdout is a terminal; null otherwise. */
    static ProgressLine forTerminal(PrintWriter out) {
        Console console = System.console();
        return console != null && console.isTerminal() ? new ProgressLine(out) : null;
    }

    @Override
    public void onProgress(Progress p) {
        String phase = switch (p.phase()) {
            case WARMUP -> "warm-up";
            case MEASURING -> "measuring";
            case DRAINING -> "draining";
        };
        String time = p.phaseNanos() < 0 ? seconds(p.elapsedNanos())
                : seconds(p.elapsedNanos()) + "/" + seconds(p.phaseNanos());
        // Nothing is measured in the warm-up, so there is no p99 to show yet.
        String p99 = p.requests() == 0 ? "       -   " : String.format(Locale.ROOT, "%8.2f ms", p.p99Nanos() / 1e6);
        show(String.format(Locale.ROOT, "%-9s %-9s %9.0f req/s   p99 %s   errors %d", phase, time,
                p.ratePerSecond(), p99, p.errors()));
    }

    void onConnectProgress(ConnectProgress p, long connections) {
        String phase = p.phase().name().toLowerCase(Locale.ROOT);
        String time = p.phaseNanos() < 0 ? seconds(p.elapsedNanos())
                : seconds(p.elapsedNanos()) + "/" + seconds(p.phaseNanos());
        String p99 = p.opened() == 0 ? "       -   " : String.format(Locale.ROOT, "%8.2f ms", p.p99ConnectNanos() / 1e6);
        show(String.format(Locale.ROOT, "%-8s %-9s opened %d/%d   open %d   %7.0f conn/s   p99 %s   failed %d", phase,
                time, p.opened(), connections, p.open(), p.connectsPerSecond(), p99, p.failed()));
    }

    private void show(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        out.flush();
        shown = line.length();
    }

    /** Erases the line, so the summary starts on a clean one. */
    void clear() {
        if (shown > 0) {
            out.print("\r" + " ".repeat(shown) + "\r");
            out.flush();
            shown = 0;
        }
    }

    private static String seconds(long nanos) {
        return Math.round(nanos / 1e9) + "s";
    }
}
