package io.weft.loadgen.report;

import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.Interval;
import io.weft.loadgen.LoadModel;
import io.weft.loadgen.LoadResult;
import io.weft.loadgen.LoadSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The machine-readable report. Latencies are in microseconds (fractional), rates per second:
 *
 * <pre>
 * { "run":      { "command", "weft", "jdk", "cores", "os", "started", "target", "address", "model",
 *                 "rate" (open loop), "connections", "threads", "maxInFlight", "warmupSeconds",
 *                 "durationSeconds", "requestLimit", "timeoutSeconds" },
 *   "summary":  { "requests", "seconds", "throughput", "cpuCores", "idlePollCores" },
 *   "latencyMicros": { "p50", "p90", "p99", "p99.9", "p99.99", "max", "mean" },
 *   "errors":   { "error-reply", "mismatch", "timeout", "connect", "closed", "total" },
 *   "timeline": [ { "t", "seconds", "requests", "rate", "p50Micros", "p99Micros", "maxMicros", "errors" } ],
 *   "violations": [ "p99 latency ... is above the limit of ..." ],
 *   "passed":   true }
 * </pre>
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static void write(RunInfo info, LoadResult r, List<String> violations, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out).beginObject();
        writeRun(json.name("run"), info, r);
        json.name("summary").beginObject().field("requests", r.requests()).field("seconds", r.seconds())
                .field("throughput", r.throughput()).field("cpuCores", r.cpuCores())
                .field("idlePollCores", r.idlePollCores()).endObject();
        json.name("latencyMicros").beginObject();
        for (int i = 0; i < Units.PERCENTILES.length; i++) {
            json.field(Units.PERCENTILE_LABELS[i], r.percentileNanos(Units.PERCENTILES[i]) / 1e3);
        }
        json.field("max", r.maxNanos() / 1e3).field("mean", r.latency().getMean() / 1e3).endObject();
        json.name("errors").beginObject();
        for (ErrorKind kind : ErrorKind.values()) {
            json.field(kind.label(), r.errors().get(kind));
        }
        json.field("total", r.totalErrors()).endObject();
        writeTimeline(json.name("timeline"), r.timeline());
        json.name("violations").beginArray();
        violations.forEach(json::value);
        json.endArray();
        json.name("passed").value(violations.isEmpty());
        json.endObject();
        out.write('\n');
        out.flush();
    }

    private static void writeRun(JsonWriter json, RunInfo info, LoadResult r) {
        LoadSpec spec = r.spec();
        json.beginObject().field("command", info.commandLine()).field("weft", info.weftVersion())
                .field("jdk", info.jdk()).field("cores", info.cores()).field("os", info.os())
                .field("started", r.started().toString()).field("target", r.target())
                .field("address", Units.address(spec))
                .field("model", spec.model() instanceof LoadModel.Open ? "open" : "closed");
        if (spec.model() instanceof LoadModel.Open(double rate)) {
            json.field("rate", rate);
        }
        json.field("connections", spec.connections()).field("threads", spec.threads())
                .field("maxInFlight", spec.maxInFlight()).field("warmupSeconds", spec.warmup().toNanos() / 1e9)
                .field("durationSeconds", spec.duration().toNanos() / 1e9).field("requestLimit", spec.requests())
                .field("timeoutSeconds", spec.requestTimeout().toNanos() / 1e9)
                .field("idlePollMicros", spec.idlePoll().toNanos() / 1e3).endObject();
    }

    private static void writeTimeline(JsonWriter json, List<Interval> timeline) {
        json.beginArray();
        for (Interval i : timeline) {
            json.beginObject().field("t", i.endSeconds()).field("seconds", i.seconds())
                    .field("requests", i.requests()).field("rate", i.ratePerSecond())
                    .field("p50Micros", i.p50Nanos() / 1e3).field("p99Micros", i.p99Nanos() / 1e3)
                    .field("maxMicros", i.maxNanos() / 1e3).field("errors", i.errors()).endObject();
        }
        json.endArray();
    }
}
