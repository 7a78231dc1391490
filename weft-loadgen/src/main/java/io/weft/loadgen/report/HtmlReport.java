package io.weft.loadgen.report;

import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.LoadResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report: run metadata, the summary, and plots of throughput and latency over
 * time and of the latency spectrum, as inline SVG. No scripts, no fonts or styles from the network: it
 * opens offline and can be archived or attached as it is.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
            table { border-collapse: collapse; } td, th { padding: 2px 12px 2px 0; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            code { font-size: 0.9em; } .fail { color: #b00; } .pass { color: #070; }
            figure { margin: 1em 0; } figcaption { color: #555; font-size: 0.9em; } svg { max-width: 100%; height: auto; }
            """;

    private HtmlReport() {
    }

    public static void write(RunInfo info, LoadResult r, List<String> violations, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>weft bench: "
                + escape(r.target()) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        out.write("<h1>weft bench: " + escape(r.target()) + "</h1>\n");
        writeRun(info, r, out);
        writeSummary(info, r, violations, out);
        out.write("<h2>Over time</h2>\n");
        figure(out, "Throughput: successful replies per second", Charts.throughput(r));
        figure(out, "Latency over time: p50 and p99 per interval", Charts.latencyOverTime(r));
        out.write("<h2>Latency spectrum</h2>\n");
        figure(out, "Latency by percentile over the measured window", Charts.spectrum(r));
        out.write("<p>Latency is measured from each request's intended send time; see the README's section on "
                + "open and closed loop.</p>\n</body>\n</html>\n");
        out.flush();
    }

    private static void writeRun(RunInfo info, LoadResult r, Writer out) throws IOException {
        out.write("<h2>Run</h2>\n<table>\n");
        row(out, "command", "<code>" + escape(info.commandLine()) + "</code>");
        row(out, "target", escape(r.target()) + " at " + escape(Units.address(r.spec())));
        row(out, "load", escape(Units.load(r.spec())));
        row(out, "started", escape(r.started().toString()));
        row(out, "Weft", escape(info.weftVersion()));
        row(out, "JDK", escape(info.jdk()));
        row(out, "machine", info.cores() + " cores, " + escape(info.os()));
        out.write("</table>\n");
    }

    private static void writeSummary(RunInfo info, LoadResult r, List<String> violations, Writer out)
            throws IOException {
        out.write("<h2>Summary</h2>\n<table>\n");
        numberRow(out, "throughput", Units.rate(r.throughput()));
        numberRow(out, "requests", r.requests() + String.format(Locale.ROOT, " in %.3f s", r.seconds()));
        for (int i = 0; i < Units.PERCENTILES.length; i++) {
            numberRow(out, Units.PERCENTILE_LABELS[i], Units.latency(r.percentileNanos(Units.PERCENTILES[i])));
        }
        numberRow(out, "max", Units.latency(r.maxNanos()));
        for (ErrorKind kind : ErrorKind.values()) {
            numberRow(out, "errors: " + kind.label(), Long.toString(r.errors().get(kind)));
        }
        numberRow(out, "generator CPU", Units.cpu(r, info.cores()));
        out.write("</table>\n");
        if (violations.isEmpty()) {
            out.write("<p class=\"pass\">All thresholds met.</p>\n");
        } else {
            out.write("<p class=\"fail\">Thresholds broken:</p>\n<ul class=\"fail\">\n");
            for (String v : violations) {
                out.write("<li>" + escape(v) + "</li>\n");
            }
            out.write("</ul>\n");
        }
    }

    private static void figure(Writer out, String caption, String svg) throws IOException {
        out.write("<figure>\n" + svg + "\n<figcaption>" + escape(caption) + "</figcaption>\n</figure>\n");
    }

    private static void row(Writer out, String label, String html) throws IOException {
        out.write("<tr><th>" + escape(label) + "</th><td>" + html + "</td></tr>\n");
    }

    private static void numberRow(Writer out, String label, String text) throws IOException {
        out.write("<tr><th>" + escape(label) + "</th><td class=\"n\">" + escape(text) + "</td></tr>\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
