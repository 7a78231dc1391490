package io.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code weft serve} as a user runs it: a separate JVM, the listening line on stdout, RESP over a real
 * socket, then SHUTDOWN or SIGTERM and exit code 0.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {

    private static final Pattern LISTENING =
            Pattern.compile("weft serve listening on 127\\.0\\.0\\.1:(\\d+) \\(engine=(\\w+)\\)");

    @TempDir
    Path dir;

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    /** Reads the listening line; returns the port and checks the engine it names. */
    private static int awaitPort(Process p, String engine) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("listening line (log: %s)", line == null ? log(p) : "").isNotNull();
        Matcher m = LISTENING.matcher(line);
        assertThat(m.matches()).as("listening line: %s", line).isTrue();
        assertThat(m.group(2)).isEqualTo(engine);
        return Integer.parseInt(m.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"loop", "vthread"})
    void servesRespAndStopsOnShutdownWithExitZero(String engine) throws Exception {
        Process p = start("--engine", engine);
        try {
            int port = awaitPort(p, engine);
            try (Socket s = connect(port)) {
                assertThat(call(s, "PING")).isEqualTo("+PONG\r\n");
                assertThat(call(s, "SET", "k", "v")).isEqualTo("+OK\r\n");
                assertThat(call(s, "GET", "k")).isEqualTo("$1\r\nv\r\n");
                send(s, "SHUTDOWN");
                // No reply: the connection just closes, as Redis's does.
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(log(p)).contains("stopping on SHUTDOWN").contains("connections closed gracefully");
        } finally {
            p.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"loop", "vthread"})
    void sigtermStopsGracefullyWithExitZero(String engine) throws Exception {
        Process p = start("--engine", engine);
        try {
            int port = awaitPort(p, engine);
            try (Socket s = connect(port)) {
                assertThat(call(s, "PING")).isEqualTo("+PONG\r\n");
                p.toHandle().destroy(); // SIGTERM
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(log(p)).contains("stopping on signal").contains("1 connections closed gracefully, 0 by force");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void flagsOverrideTheConfigFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("weft.conf"), """
                # settings for the test
                requirepass fromfile
                databases 4
                hz 20
                idle-poll-us 5
                """);
        Process p = start(conf.toString(), "--requirepass", "fromflag", "--hz", "50", "--idle-poll-us", "0");
        try {
            int port = awaitPort(p, "loop");
            try (Socket s = connect(port)) {
                assertThat(call(s, "PING")).isEqualTo("-NOAUTH Authentication required.\r\n");
                assertThat(call(s, "AUTH", "fromfile")).startsWith("-WRONGPASS");
                assertThat(call(s, "AUTH", "fromflag")).isEqualTo("+OK\r\n");
                assertThat(call(s, "CONFIG", "GET", "databases")).isEqualTo("*2\r\n$9\r\ndatabases\r\n$1\r\n4\r\n");
                assertThat(call(s, "CONFIG", "GET", "hz")).isEqualTo("*2\r\n$2\r\nhz\r\n$2\r\n50\r\n");
                assertThat(call(s, "CONFIG", "GET", "idle-poll-us"))
                        .isEqualTo("*2\r\n$12\r\nidle-poll-us\r\n$1\r\n0\r\n");
                assertThat(call(s, "INFO", "server")).contains("config_file:" + conf.toAbsolutePath() + "\r\n");
                send(s, "SHUTDOWN");
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    @ParameterizedTest
    @CsvSource({"--engine,turbo", "--maxclients,0", "--protected-mode,maybe", "--proto-max-bulk-len,1.5mb",
        "--timeout,soon"})
    void badFlagsAreUsageErrors(String flag, String value) throws Exception {
        Process p = start(flag, value);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(log(p)).contains(flag + " '" + value + "'");
    }

    @Test
    void aBadConfigFileIsOneErrorLineAndExitOne() throws Exception {
        Path conf = Files.writeString(dir.resolve("bad.conf"), "port 6390\ndaemonize yes\n");
        Process p = start(conf.toString());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(log(p)).contains("weft serve: " + conf + " line 2: 'daemonize yes': Bad directive");
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        return s;
    }

    private static void send(Socket s, String... args) throws IOException {
        StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
        for (String arg : args) {
            command.append('$').append(arg.length()).append("\r\n").append(arg).append("\r\n");
        }
        OutputStream out = s.getOutputStream();
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends a command and reads one reply: the tests only use replies that arrive in one short read. */
    private static String call(Socket s, String... args) throws IOException {
        send(s, args);
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[16 * 1024];
        int n = in.read(buffer);
        String reply = new String(buffer, 0, Math.max(n, 0), StandardCharsets.UTF_8);
        // A bulk reply may arrive in two reads; read until its declared length is there.
        while (reply.startsWith("$") && !reply.startsWith("$-1") && !complete(reply)) {
            n = in.read(buffer);
            reply += new String(buffer, 0, Math.max(n, 0), StandardCharsets.UTF_8);
        }
        return reply;
    }

    private static boolean complete(String bulk) {
        int eol = bulk.indexOf("\r\n");
        return eol > 0 && bulk.length() >= eol + 2 + Integer.parseInt(bulk.substring(1, eol)) + 2;
    }

    private static String log(Process p) {
        try {
            if (p.isAlive()) {
                return "(still running)";
            }
            return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
