package io.weft.loadgen.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.Interval;
import io.weft.loadgen.LoadModel;
import io.weft.loadgen.LoadResult;
import io.weft.loadgen.LoadSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The report writers on a result whose numbers are known exactly. */
class ReportsTest {

    private static final long MS = 1_000_000;
    private static final RunInfo INFO = new RunInfo("weft bench echo -R 1000 --html \"r<1>.html\"", "0.1.0",
            "25+36 (Test)", 2, "Linux amd64");

    /** 1000 requests over 2 s: 980 at 1 ms, 19 at 20 ms, one at 500 ms; 3 timeouts and a mismatch. */
    private static LoadResult result() {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        h.recordValueWithCount(MS, 980);
        h.recordValueWithCount(20 * MS, 19);
        h.recordValue(500 * MS);
        LoadSpec spec = LoadSpec.of(new InetSocketAddress("127.0.0.1", 7000)).withConnections(4, 2)
                .withModel(LoadModel.open(500)).withLength(Duration.ofSeconds(1), Duration.ofSeconds(2), 0);
        List<Interval> timeline = List.of(new Interval(1.0, 1.0, 600, MS, 20 * MS, 500 * MS, 4),
                new Interval(2.0, 1.0, 400, MS, MS, 20 * MS, 0));
        return new LoadResult("echo, raw framing, 64-byte messages", spec, Instant.parse("2026-01-02T03:04:05Z"),
                1000, 2.0, h, timeline, Map.of(ErrorKind.TIMEOUT, 3L, ErrorKind.MISMATCH, 1L), 0.25,
                0.1);
    }

    @Test
    void jsonReadsBackWithEveryFigure() throws Exception {
        StringWriter out = new StringWriter();
        JsonReport.write(INFO, result(), List.of("p99 latency 20.0 ms is above the limit of 5.0 ms"), out);
        JsonNode json = new ObjectMapper().readTree(out.toString());

        assertThat(json.at("/run/command").asText()).isEqualTo(INFO.commandLine());
        assertThat(json.at("/run/model").asText()).isEqualTo("open");
        assertThat(json.at("/run/rate").asDouble()).isEqualTo(500.0);
        assertThat(json.at("/run/connections").asInt()).isEqualTo(4);
        assertThat(json.at("/run/warmupSeconds").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/run/started").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.at("/summary/requests").asLong()).isEqualTo(1000);
        assertThat(json.at("/summary/throughput").asDouble()).isEqualTo(500.0);
        assertThat(json.at("/summary/cpuCores").asDouble()).isEqualTo(0.25);
        assertThat(json.at("/summary/idlePollCores").asDouble()).isEqualTo(0.1);
        assertThat(json.at("/latencyMicros/p50").asDouble()).isBetween(999.0, 1001.0);
        assertThat(json.at("/latencyMicros/p99").asDouble()).isBetween(19_990.0, 20_010.0);
        assertThat(json.at("/latencyMicros/p99.9").asDouble()).isBetween(19_990.0, 20_010.0);
        assertThat(json.at("/latencyMicros/max").asDouble()).isBetween(499_000.0, 501_000.0);
        assertThat(json.at("/errors/timeout").asLong()).isEqualTo(3);
        assertThat(json.at("/errors/mismatch").asLong()).isEqualTo(1);
        assertThat(json.at("/errors/closed").asLong()).isZero();
        assertThat(json.at("/errors/total").asLong()).isEqualTo(4);
        assertThat(json.at("/timeline")).hasSize(2);
        assertThat(json.at("/timeline/0/rate").asDouble()).isEqualTo(600.0);
        assertThat(json.at("/timeline/1/p99Micros").asDouble()).isEqualTo(1000.0);
        assertThat(json.at("/violations/0").asText()).startsWith("p99 latency");
        assertThat(json.at("/passed").isBoolean()).isTrue();
        assertThat(json.at("/passed").asBoolean()).isFalse();
    }

    @Test
    void htmlIsSelfContainedWithThePlotsAndTheNumbers() throws Exception {
        StringWriter out = new StringWriter();
        HtmlReport.write(INFO, result(), List.of(), out);
        String html = out.toString();

        assertThat(count(html, "<svg")).isEqualTo(3);
        assertThat(html).contains("Throughput", "Latency over time", "Latency by percentile");
        // Nothing is fetched when the file is opened (the SVG namespace URIs are names, not links).
        assertThat(html).doesNotContain("<script", "<link", " src=", "url(http", "@import", "<img");
        // Run metadata, escaped.
        assertThat(html).contains("weft bench echo -R 1000 --html &quot;r&lt;1&gt;.html&quot;", "0.1.0",
                "25+36 (Test)", "2 cores", "open loop at 500 req/s");
        // The summary's numbers.
        assertThat(html).contains("<td class=\"n\">500 req/s<", "1000 in 2.000 s", "<td class=\"n\">1.00 ms<",
                "<td class=\"n\">20.00 ms<", "<td class=\"n\">500.17 ms<", "0.25 cores");
        assertThat(html).containsPattern("errors: timeout</th><td class=\"n\">3<");
        assertThat(html).contains("All thresholds met.");
    }

    @Test
    void theSpectrumIsLabelledInPercentiles() {
        assertThat(Charts.percentileLabel(1)).isEqualTo("0%");
        assertThat(Charts.percentileLabel(10)).isEqualTo("90%");
        assertThat(Charts.percentileLabel(1000)).isEqualTo("99.9%");
        assertThat(Charts.percentileLabel(1e6)).isEqualTo("99.9999%");
    }

    @Test
    void hgrmIsHdrHistogramsPercentileDistributionInMilliseconds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HgrmReport.write(result(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String hgrm = bytes.toString(StandardCharsets.UTF_8);
        assertThat(hgrm).contains("Value     Percentile TotalCount 1/(1-Percentile)");
        assertThat(hgrm).contains("#[Max     =      500.171, Total count    =         1000]");
        Matcher median = Pattern.compile("(?m)^\\s+([\\d.]+)\\s+0\\.500000000000\\s").matcher(hgrm);
        assertThat(median.find()).isTrue();
        assertThat(Double.parseDouble(median.group(1))).isEqualTo(1.0);
    }

    @Test
    void textSummaryNamesEveryFigure() {
        StringWriter out = new StringWriter();
        TextReport.write(INFO, result(), new PrintWriter(out));
        assertThat(out.toString()).contains(
                "target     echo, raw framing, 64-byte messages at 127.0.0.1:7000",
                "load       open loop at 500 req/s, 4 connections on 2 threads, at most 1 in flight each, 2 s after 1 s warm-up",
                "requests   1000 in 2.000 s: 500 req/s",
                "latency    p50 1.00 ms  p90 1.00 ms  p99 20.00 ms  p99.9 20.00 ms  p99.99 500.17 ms  max 500.17 ms",
                "errors     4 (error-reply 0, mismatch 1, timeout 3, connect 0, closed 0)",
                "generator  CPU 0.25 cores (13% of 2); 0.10 of them polling while idle");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
