package io.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code weft echo} as a user runs it: a separate JVM, the listening line on stdout, real sockets,
 * then SIGTERM and a clean exit with the shutdown summary in the log.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoCommandTest {

    private static final Pattern LISTENING = Pattern.compile("weft echo listening on 127\\.0\\.0\\.1:(\\d+) .*");

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "echo", "--port", "0"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    private static int awaitPort(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("listening line").isNotNull();
        Matcher m = LISTENING.matcher(line);
        assertThat(m.matches()).as("listening line: %s", line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @ParameterizedTest
    @CsvSource({"loop,raw", "loop,line", "loop,length", "vthread,raw", "vthread,line", "vthread,length"})
    void echoesThenStopsGracefullyOnSigterm(String engine, String framing) throws Exception {
        Process p = start("--engine", engine, "--framing", framing);
        try {
            int port = awaitPort(p);
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] reply;
                switch (framing) {
                    case "line" -> {
                        out.write("hello weft\r\n".getBytes(StandardCharsets.US_ASCII));
                        reply = in.readNBytes("hello weft\n".length());
                        assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("hello weft\n");
                    }
                    case "length" -> {
                        out.writeInt(5);
                        out.write("hello".getBytes(StandardCharsets.US_ASCII));
                        assertThat(in.readInt()).isEqualTo(5);
                        assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("hello");
                    }
                    default -> {
                        out.write("hello".getBytes(StandardCharsets.US_ASCII));
                        assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("hello");
                    }
                }
                p.toHandle().destroy(); // SIGTERM, leaving our ends of its pipes open
                // The open, idle connection is closed by the shutdown: end of stream, not a reset.
                assertThat(in.read()).isEqualTo(-1);
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            String log = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(log).contains("1 connections closed gracefully, 0 by force");
        } finally {
            p.destroyForcibly();
        }
    }

    @ParameterizedTest
    @CsvSource({"--engine,turbo", "--idle-timeout,5", "--port,70000"})
    void badFlagsAreUsageErrors(String flag, String value) throws Exception {
        Process p = start(flag, value);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains(flag);
    }

    @org.junit.jupiter.api.Test
    void portInUseIsOneClearErrorAndExitOne() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "echo", "--port",
                    Integer.toString(taken.getLocalPort()));
            Process p = new ProcessBuilder(command).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
