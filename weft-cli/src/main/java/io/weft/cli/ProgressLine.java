package io.weft.cli;

import io.weft.loadgen.Progress;
import io.weft.loadgen.ProgressListener;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live status line of a bench run, rewritten in place once a second:
 * {@code measuring 4s/10s   99871 req/s   p99 1.21 ms   errors 0}. Only on a terminal: in a pipe or a
 * file, carriage returns would make a mess of the output that scripts read.
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
        String line = String.format(Locale.ROOT, "%-9s %-9s %9.0f req/s   p99 %s   errors %d", phase, time,
                p.ratePerSecond(), p99, p.errors());
        out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        out.flush();
        shown = line.length();
    }

    /** Erases the line, so the summary starts on a clean one. */
    void clear() {
        if (shown > 0) {
            out.print("\r" + " ".repeat(shown) + "\r");
            out.flush();
        }
    }

    private static String seconds(long nanos) {
        return Math.round(nanos / 1e9) + "s";
    }
}
