package io.weft.loadgen.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx from the Debian package, as a test's HTTP server: one process (no master, no daemon) on a port the
 * OS picked, with its configuration, logs, temp files and document root in a fresh directory. The root
 * holds {@code /index.html} ({@link #INDEX}). Its access log has one line per request: the connection's
 * serial number, the request's number on that connection, and the status ({@link #accessLog()}).
 */
final class Nginx implements AutoCloseable {

    static final String INDEX = "<html>hello from nginx</html>\n";
    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path dir;
    final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static Nginx start() throws IOException, InterruptedException {
        return start(1_000_000);
    }

    /** An nginx that closes a connection after {@code keepaliveRequests} requests on it. */
    static Nginx start(int keepaliveRequests) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("weft-nginx");
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.writeString(root.resolve("index.html"), INDEX);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // freed just before nginx binds it: a small, accepted race
        }
        String d = dir.toString();
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    log_format conns '$connection $connection_requests $status';
                    access_log %1$s/access.log conns;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    keepalive_requests %3$d;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %1$s/root;
                        default_type text/html;
                    }
                }
                """.formatted(d, port, keepaliveRequests));
        Process process = new ProcessBuilder(BINARY.toString(), "-p", d, "-e", d + "/error.log",
                "-c", d + "/nginx.conf").redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, dir, port);
        nginx.awaitListening();
        return nginx;
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** The access log so far: one {@link Request} per line. */
    List<Request> accessLog() throws IOException {
        Path log = dir.resolve("access.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream().map(line -> line.split(" "))
                .map(f -> new Request(Long.parseLong(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])))
                .toList();
    }

    /** One access log line: nginx's serial number of the connection, the request's number on it, the status. */
    record Request(long connection, int onConnection, int status) {
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("nginx exited: %s", log()).isTrue();
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                process.waitFor(20, TimeUnit.MILLISECONDS); // poll: nginx has no readiness signal to wait on
            }
        }
        close();
        throw new IOException("nginx did not listen on " + port + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("stdout.log")) + Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
