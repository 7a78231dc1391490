package io.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.server.echo.EchoServer;
import io.weft.server.redis.RedisConfig;
import io.weft.server.redis.RedisServer;
import io.weft.transport.Engine;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Server;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code weft bench} as a user runs it, in-process: real servers on OS-chosen ports, the summary on
 * stdout, report files, and the exit status the thresholds decide.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchCommandTest {

    private static Server echo;
    private static RedisServer redis;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        echo = new EchoServer(new InetSocketAddress("127.0.0.1", 0), Engine.LOOP, 1, Framing.LINE, FrameLimits.DEFAULT,
                ListenerLimits.DEFAULTS, false).start();
        redis = RedisServer.start(RedisConfig.defaults().withPort(0));
    }

    @AfterAll
    static void stopServers() {
        echo.shutdown(Duration.ofSeconds(1));
        redis.close();
    }

    /** What one run of {@code weft} printed and returned. */
    record Run(int status, String out, String err) { }

    private static Run weft(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static String[] echoBench(String... extra) {
        List<String> args = new ArrayList<>(List.of("bench", "echo", "--port",
                Integer.toString(echo.address(EchoServer.LISTENER).getPort()), "--framing", "line", "-c", "2", "-t", "1",
                "--warmup", "0", "-d", "300ms"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static String[] respBench(String... extra) {
        List<String> args = new ArrayList<>(List.of("bench", "resp", "--port",
                Integer.toString(redis.address().getPort()), "-c", "2", "-t", "1", "--warmup", "0"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void echoPrintsTheSummaryAndWritesEveryReport() throws Exception {
        Path json = dir.resolve("run.json");
        Path html = dir.resolve("run.html");
        Path hgrm = dir.resolve("run.hgrm");
        Run run = weft(echoBench("-R", "500", "--json", json.toString(), "--html", html.toString(),
                "--hgrm", hgrm.toString()));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("target     echo, line framing, 64-byte messages at 127.0.0.1:")
                .contains("open loop at 500 req/s", "requests   150 in 0.300 s: 500 req/s",
                        "errors     0 (error-reply 0, mismatch 0, timeout 0, connect 0, closed 0)", "generator  CPU")
                .doesNotContain("\r", "FAILED");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/summary/requests").asLong()).isEqualTo(150);
        assertThat(report.at("/run/command").asText()).startsWith("weft bench echo --port ").contains("-R 500");
        // An open-loop run does not poll idle unless asked: its senders share the cores with the loops.
        assertThat(report.at("/run/idlePollMicros").asDouble()).isZero();
        assertThat(report.at("/summary/idlePollCores").asDouble()).isZero();
        assertThat(report.at("/passed").asBoolean()).isTrue();
        assertThat(Files.readString(html)).contains("<svg", "weft bench echo --port", "500 req/s");
        assertThat(Files.readString(hgrm)).contains("Value     Percentile TotalCount 1/(1-Percentile)");
    }

    @Test
    void brokenThresholdsExitOneAndSayWhich() throws Exception {
        Path json = dir.resolve("failed.json");
        Run run = weft(echoBench("--max-p99", "1ns", "--min-rate", "1000M", "--json", json.toString()));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED     p99 latency", "FAILED     throughput");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/passed").asBoolean()).isFalse();
        assertThat(report.at("/violations")).hasSize(2);
        // A closed-loop run polls for 20 µs before its loop sleeps, and says how much of its CPU that took.
        assertThat(report.at("/run/idlePollMicros").asDouble()).isEqualTo(20.0);
        assertThat(report.at("/summary/idlePollCores").asDouble()).isPositive();

        assertThat(weft(echoBench("--max-p99", "10s", "--min-rate", "1")).status()).isZero();
    }

    @Test
    void errorsFailTheRunUnlessAllowed() {
        Run strict = weft(respBench("-d", "200ms", "--command", "NOSUCHCOMMAND __key__"));
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.out()).contains("latency    none: no request succeeded").containsPattern("error-reply [1-9]")
                .contains("FAILED", "errors, more than the limit of 0");

        Run lenient = weft(respBench("-d", "200ms", "--command", "NOSUCHCOMMAND __key__", "--max-errors", "1000000000"));
        assertThat(lenient.status()).isZero();
    }

    @Test
    void respMixesOverResp3WithAPipelineAndARequestCount() {
        Run run = weft(respBench("--resp", "3", "--ratio", "set:get:incr=1:2:1", "-P", "4", "-n", "2000",
                "--key-pattern", "sequential", "--keyspace", "50"));
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("resp SET:GET:INCR=1:2:1, keys sequential over 50, 64-byte values, RESP3",
                "at most 4 in flight each, 2000 requests", "requests   2000 in ");
    }

    @Test
    void respTemplatesFillInKeysAndValues() {
        Run run = weft(respBench("--command", "SET __key__ __value__", "-R", "1000", "-d", "200ms",
                "--value-size", "1KiB"));
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("resp \"SET __key__ __value__\", keys uniform over 100000, 1024-byte values",
                "requests   200 in 0.200 s");
    }

    @Test
    void nobodyListeningIsOneLineAndExitOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run run = weft("bench", "echo", "--port", Integer.toString(port), "-d", "1s");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("weft bench: cannot connect to 127.0.0.1:" + port);
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "resp|--ratio|set:get|e.g. set:get=1:10",
        "resp|--ratio|set:frob=1:1|unknown command 'frob'",
        "resp|--resp|4|expected 2 or 3",
        "resp|--key-pattern|zipf|sequential, uniform or gaussian",
        "resp|--pipeline|0|--pipeline must be from 1",
        "echo|-R|0|is not a rate",
        "echo|--max-p99|5|is not a latency",
        "echo|--in-flight|0|--in-flight must be from 1",
        "echo|--duration|0|--duration 0 needs --requests",
        "echo|--json|/no/such/dir/r.json|no directory /no/such/dir",
        "echo|--idle-poll-us|-1|--idle-poll-us must be from 0 to 1000000",
        "http|--path|index.html|a path starts with /",
        "http|-H|NoColon|a header is \"Name: value\"",
        "http|--expect-status|2000|expected status must have three digits",
        "http|-X|'G T'|not a method",
    })
    void badFlagsAreUsageErrors(String target, String flag, String value, String message) {
        Run run = weft("bench", target, "--port", "1", flag, value);
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    @Test
    void pipeliningWithoutKeepAliveIsAUsageError() {
        Run run = weft("bench", "http", "--port", "1", "--no-keep-alive", "-P", "4");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--pipeline must be 1 without keep-alive");
        Run wrkStyle = weft("bench", "http", "--port", "1", "-H", "Connection: close", "-P", "2");
        assertThat(wrkStyle.status()).isEqualTo(2);
        assertThat(wrkStyle.err()).contains("--pipeline must be 1 without keep-alive");
    }

    @Test
    void ratioAndCommandTogetherAreAUsageError() {
        Run run = weft("bench", "resp", "--port", "1", "--ratio", "set:get=1:1", "--command", "PING");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("give --ratio or --command, not both");
    }
}
