package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.transport.Engine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Redis's own tools against Weft: redis-cli one-shot and --pipe mass insertion, and redis-benchmark. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisToolsTest {

    private RedisServer server;
    private String port;

    @BeforeAll
    void start() throws Exception {
        server = RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(Engine.LOOP).withLoops(2));
        port = Integer.toString(server.address().getPort());
    }

    @AfterAll
    void stop() {
        server.shutdown(Duration.ofSeconds(1));
    }

    private String run(Path stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s exit status; output:%n%s", String.join(" ", command), text).isZero();
        return text;
    }

    private String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", port));
        command.addAll(List.of(args));
        return run(null, command.toArray(String[]::new)).strip();
    }

    @Test
    void redisCliOneShot() throws Exception {
        assertThat(cli("PING")).isEqualTo("PONG");
        assertThat(cli("SET", "cli:key", "hello world")).isEqualTo("OK");
        assertThat(cli("GET", "cli:key")).isEqualTo("hello world");
        assertThat(cli("INCRBY", "cli:n", "5")).isEqualTo("5");
        assertThat(cli("GET", "cli:none")).isEmpty();
        assertThat(cli("NOSUCHCOMMAND")).startsWith("ERR unknown command 'NOSUCHCOMMAND'");
        assertThat(cli("--raw", "MGET", "cli:key", "cli:n")).isEqualTo("hello world\n5");
        assertThat(cli("DEL", "cli:key", "cli:n")).isEqualTo("2");
    }

    @Test
    void redisCliPipeInsertsAMillionKeys(@TempDir Path dir) throws Exception {
        int n = 1_000_000;
        Path input = dir.resolve("mass.resp");
        try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < n; i++) {
                String key = "mass:" + i;
                String value = "value-" + i;
                out.write("*3\r\n$3\r\nSET\r\n$" + key.length() + "\r\n" + key + "\r\n$" + value.length() + "\r\n"
                        + value + "\r\n");
            }
        }
        cli("FLUSHALL");
        String report = run(input, "redis-cli", "-p", port, "--pipe");
        assertThat(report).contains("errors: 0, replies: " + n);
        assertThat(cli("DBSIZE")).isEqualTo(Integer.toString(n));
        assertThat(cli("GET", "mass:765432")).isEqualTo("value-765432");
        cli("FLUSHALL");
    }

    @Test
    void redisBenchmarkCompletesWithoutErrors() throws Exception {
        String out = run(null, "redis-benchmark", "-p", port, "-t", "ping,set,get,incr,mset", "-n", "20000",
                "-c", "20", "-q");
        for (String test : List.of("PING_INLINE", "PING_MBULK", "SET", "GET", "INCR", "MSET (10 keys)")) {
            assertThat(out).as("redis-benchmark output:%n%s", out).containsPattern("(?m)^" + java.util.regex.Pattern.quote(test)
                    + ": [0-9.]+ requests per second");
        }
        assertThat(out).doesNotContainIgnoringCase("error");
        assertThat(cli("GET", "counter:__rand_int__")).isEqualTo("20000");
    }
}
