package io.weft.loadgen.report;

import io.weft.loadgen.connect.ConnectFailure;
import io.weft.loadgen.connect.ConnectResult;
import io.weft.loadgen.connect.ConnectSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.HdrHistogram.Histogram;

/**
 * The reports of a connect run ({@code weft bench connect}): a text summary and JSON. Times in JSON are
 * in microseconds (fractional):
 *
 * <pre>
 * { "run":     { "command", "weft", "jdk", "cores", "os", "target", "address", "connections", "rate",
 *                "sources", "holdSeconds", "pingIntervalSeconds", "timeoutSeconds", "processes" },
 *   "summary": { "attempted", "opened", "survived", "peakOpen", "openSeconds", "connectRate" },
 *   "connectMicros": { "p50", "p90", "p99", "p99.9", "p99.99", "max", "mean" },
 *   "failures": { "refused", "timeout", "reset", "other", "total" },
 *   "violations": [ ... ],
 *   "passed":  true }
 * </pre>
 */
public final class ConnectReport {

    private ConnectReport() {
    }

    public static void writeText(ConnectSpec spec, String target, ConnectResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "target     %s at %s, %d source address(es), %d process(es)%n", target,
                spec.address().getAddress().getHostAddress() + ":" + spec.address().getPort(),
                spec.sources().size(), r.processes());
        out.printf(Locale.ROOT, "opened     %d of %d in %.3f s: %.0f connects/s (asked for %.0f)%n", r.opened(),
                r.attempted(), r.openNanos() / 1e9, r.connectRate(), spec.rate());
        Histogram h = r.connectTime();
        StringJoiner time = new StringJoiner("  ");
        for (int i = 0; i < Units.PERCENTILES.length; i++) {
            time.add(Units.PERCENTILE_LABELS[i] + " " + Units.latency(h.getValueAtPercentile(Units.PERCENTILES[i])));
        }
        time.add("max " + Units.latency(h.getMaxValue()));
        out.printf(Locale.ROOT, "connect    %s%n", h.getTotalCount() == 0 ? "none: no connect succeeded" : time);
        out.printf(Locale.ROOT, "held       %d at most at once, for %s, %s%n", r.peakOpen(),
                Units.seconds(spec.hold().toNanos()),
                spec.pingInterval().isZero() ? "pinged only at the end"
                        : "a ping every " + Units.seconds(spec.pingInterval().toNanos()));
        out.printf(Locale.ROOT, "survived   %d answered the last ping%n", r.survived());
        StringJoiner causes = new StringJoiner(", ", " (", ")");
        for (ConnectFailure f : ConnectFailure.values()) {
            causes.add(f.label() + " " + r.failures(f));
        }
        out.printf(Locale.ROOT, "failures   %d%s%n", r.failed(), causes);
        out.flush();
    }

    public static void writeJson(RunInfo info, ConnectSpec spec, String target, ConnectResult r,
                                 List<String> violations, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out).beginObject();
        json.name("run").beginObject().field("command", info.commandLine()).field("weft", info.weftVersion())
                .field("jdk", info.jdk()).field("cores", info.cores()).field("os", info.os())
                .field("target", target)
                .field("address", spec.address().getAddress().getHostAddress() + ":" + spec.address().getPort())
                .field("connections", spec.connections()).field("rate", spec.rate());
        json.name("sources").beginArray();
        spec.sources().forEach(a -> json.value(a.getHostAddress()));
        json.endArray();
        json.field("holdSeconds", spec.hold().toNanos() / 1e9)
                .field("pingIntervalSeconds", spec.pingInterval().toNanos() / 1e9)
                .field("timeoutSeconds", spec.timeout().toNanos() / 1e9).field("processes", r.processes()).endObject();
        json.name("summary").beginObject().field("attempted", r.attempted()).field("opened", r.opened())
                .field("survived", r.survived()).field("peakOpen", r.peakOpen())
                .field("openSeconds", r.openNanos() / 1e9).field("connectRate", r.connectRate()).endObject();
        Histogram h = r.connectTime();
        json.name("connectMicros").beginObject();
        for (int i = 0; i < Units.PERCENTILES.length; i++) {
            json.field(Units.PERCENTILE_LABELS[i], h.getValueAtPercentile(Units.PERCENTILES[i]) / 1e3);
        }
        json.field("max", h.getMaxValue() / 1e3).field("mean", h.getMean() / 1e3).endObject();
        json.name("failures").beginObject();
        for (ConnectFailure f : ConnectFailure.values()) {
            json.field(f.label(), r.failures(f));
        }
        json.field("total", r.failed()).endObject();
        json.name("violations").beginArray();
        violations.forEach(json::value);
        json.endArray();
        json.name("passed").value(violations.isEmpty());
        json.endObject();
        out.write('\n');
        out.flush();
    }
}
