package io.weft.server.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (Debian's package) on a free loopback port, with no persistence, for
 * differential tests: the same requests go to it and to Weft, and the replies are compared byte for
 * byte. Stopped by {@link #close()}.
 */
public final class RealRedis implements AutoCloseable {

    private final Process process;
    private final InetSocketAddress address;
    private final Path dir;

    private RealRedis(Process process, InetSocketAddress address, Path dir) {
        this.process = process;
        this.address = address;
        this.dir = dir;
    }

    /** Starts redis-server and waits until it answers PING. */
    public static RealRedis start() throws IOException, InterruptedException {
        return start(new String[0]);
    }

    /**
     * Starts redis-server with {@code extraArgs} after the defaults (a later option wins, so
     * {@code "--bind", "0.0.0.0", "--protected-mode", "yes"} overrides them) and waits until it answers PING
     * on loopback.
     */
    public static RealRedis start(String... extraArgs) throws IOException, InterruptedException {
        int port;
        // redis-server has no "port 0": ask the OS for a free port and hand it over.
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("weft-real-redis");
        List<String> command = new java.util.ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--protected-mode", "no"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        RealRedis redis = new RealRedis(process, new InetSocketAddress("127.0.0.1", port), dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (RespClient c = new RespClient(redis.address)) {
                if (new String(c.call("PING")).equals("+PONG\r\n")) {
                    return redis;
                }
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    redis.close();
                    throw new IOException("redis-server did not start; its log: "
                            + Files.readString(dir.resolve("redis.log")), notYet);
                }
                // Not a synchronisation sleep: the server is starting and offers nothing to wait on.
                Thread.sleep(20);
            }
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
