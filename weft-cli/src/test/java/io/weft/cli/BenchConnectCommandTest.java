package io.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.loadgen.connect.ConnectProgress;
import io.weft.loadgen.connect.ConnectResult;
import io.weft.server.echo.EchoServer;
import io.weft.transport.Engine;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Server;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code weft bench connect} as a user runs it: in-process, and spread over child JVMs. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BenchConnectCommandTest {

    private static Server echo;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        echo = new EchoServer(new InetSocketAddress("127.0.0.1", 0), Engine.LOOP, 1, Framing.RAW, FrameLimits.DEFAULT,
                ListenerLimits.DEFAULTS.withMaxConnections(5000), false).start();
    }

    @AfterAll
    static void stopServer() {
        echo.shutdown(Duration.ofSeconds(1));
    }

    record Run(int status, String out, String err) { }

    private static Run weft(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static String port() {
        return Integer.toString(echo.address(EchoServer.LISTENER).getPort());
    }

    @Test
    void twoProcessesShareTheConnectionsAndTheParentAddsThemUp() throws Exception {
        Path json = dir.resolve("connect.json");
        Run run = weft("bench", "connect", "--port", port(), "-c", "2000", "--rate", "4000", "--hold", "1s",
                "--ping-interval", "300ms", "--sources", "2", "--processes", "2", "--json", json.toString());

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("2 source address(es), 2 process(es)", "opened     2000 of 2000 in ",
                "survived   2000 answered the last ping", "failures   0 (refused 0, timeout 0, reset 0, other 0)");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/summary/survived").asLong()).isEqualTo(2000);
        assertThat(report.at("/summary/attempted").asLong()).isEqualTo(2000);
        assertThat(report.at("/run/processes").asInt()).isEqualTo(2);
        assertThat(report.at("/run/sources")).hasSize(2);
        assertThat(report.at("/connectMicros/p50").asDouble()).isPositive();
        assertThat(report.at("/passed").asBoolean()).isTrue();
    }

    @Test
    void refusedConnectsFailTheRunUnlessAllowed() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run strict = weft("bench", "connect", "--port", Integer.toString(closed), "-c", "10", "--hold", "0s");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.out()).contains("failures   10 (refused 10, timeout 0, reset 0, other 0)",
                "FAILED     10 connections failed, more than the limit of 0");

        Run lenient = weft("bench", "connect", "--port", Integer.toString(closed), "-c", "10", "--hold", "0s",
                "--max-errors", "10");
        assertThat(lenient.status()).isZero();
    }

    @Test
    void aConnectTimeLimitFailsTheRunWhenTheP99IsAboveIt() {
        Run tooStrict = weft("bench", "connect", "--port", port(), "-c", "50", "--hold", "0s",
                "--max-connect-p99", "1ns");
        assertThat(tooStrict.status()).as(tooStrict.out() + tooStrict.err()).isEqualTo(1);
        assertThat(tooStrict.out()).containsPattern("FAILED     connect time p99 [0-9.]+ ms is above the limit of 0.000 ms");

        Run relaxed = weft("bench", "connect", "--port", port(), "-c", "50", "--hold", "0s",
                "--max-connect-p99", "30s");
        assertThat(relaxed.status()).as(relaxed.out() + relaxed.err()).isZero();
        assertThat(relaxed.out()).doesNotContain("FAILED");
        assertThat(weft("bench", "connect", "--max-connect-p99", "soon").status()).isEqualTo(2);
    }

    @Test
    void childProcessesReportTheirProgressToTheParent() throws Exception {
        BenchConnectCommand command = new BenchConnectCommand();
        new CommandLine(command).parseArgs("--port", port(), "-c", "600", "--rate", "2000", "--hold", "2500ms",
                "--processes", "2");
        List<ConnectProgress> looks = new CopyOnWriteArrayList<>();
        ConnectResult result = new ChildProcesses(command, command.connectSpec())
                .run(new PrintWriter(new StringWriter()), looks::add);

        assertThat(result.survived()).isEqualTo(600);
        assertThat(looks).as("a look a second while the children hold their connections").isNotEmpty();
        ConnectProgress last = looks.getLast();
        assertThat(last.attempted()).as("both children's connects, added up").isEqualTo(600);
        assertThat(last.open()).isEqualTo(600);
        assertThat(last.failed()).isZero();
    }

    @Test
    void aBadCommandLineExitsTwo() {
        assertThat(weft("bench", "connect", "--protocol", "http").status()).isEqualTo(2);
        assertThat(weft("bench", "connect", "-c", "2", "--processes", "3").status()).isEqualTo(2);
        assertThat(weft("bench", "connect", "--sources", "2", "--source-addresses", "127.0.0.2").status())
                .isEqualTo(2);
        Run tooMany = weft("bench", "connect", "-c", "100000");
        assertThat(tooMany.status()).isEqualTo(2);
        assertThat(tooMany.err()).contains("open-file limit", "--processes");
    }
}
