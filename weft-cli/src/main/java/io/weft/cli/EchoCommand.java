package io.weft.cli;

import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.server.echo.EchoServer;
import io.weft.transport.Engine;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Server;
import io.weft.transport.ShutdownSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weft echo}: starts {@link EchoServer}, prints one "listening" line on stdout once bound (scripts
 * wait for it), and serves until SIGTERM or SIGINT, which shut it down gracefully and exit 0.
 */
@Command(name = "echo",
        description = "Run an echo server: every message received is sent back unchanged.",
        sortOptions = false,
        showDefaultValues = true)
final class EchoCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(EchoCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface.")
    private InetAddress bind;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port to listen on; 0 lets the OS choose (the listening line shows it).")
    private int port = 7000;

    @Option(names = "--engine", paramLabel = "vthread|loop", converter = Converters.EngineName.class,
            defaultValue = "loop",
            description = "vthread: a virtual thread per connection; loop: NIO event loops.")
    private Engine engine;

    @Option(names = "--loops", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Event loops for the loop engine (default: available processors, here ${DEFAULT-VALUE}).")
    private int loops = Runtime.getRuntime().availableProcessors();

    @Option(names = "--idle-poll-us", paramLabel = "MICROS", defaultValue = "" + Engine.DEFAULT_IDLE_POLL_MICROS,
            showDefaultValue = Visibility.NEVER,
            description = "How long an event loop that ran out of work keeps polling before it sleeps; 0 sleeps"
                    + " at once, saving CPU on a shared host (default: ${DEFAULT-VALUE}).")
    private long idlePollUs;

    @Option(names = "--framing", paramLabel = "raw|line|length", converter = Converters.FramingName.class,
            defaultValue = "raw",
            description = "raw: each read is a message; line: '\\n'-terminated lines; length: 4-byte big-endian"
                    + " length prefix.")
    private Framing framing;

    @Option(names = "--max-frame", paramLabel = "BYTES", converter = Converters.ByteSize.class,
            showDefaultValue = Visibility.NEVER,
            description = "Longest line or length-prefixed frame accepted; a longer one closes the connection."
                    + " Bytes, or with KiB, MiB, GiB (default: 16MiB).")
    private int maxFrame = FrameLimits.DEFAULT.maxFrameLength();

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Connections served at once; further ones are closed on accept.")
    private int maxConnections = ListenerLimits.DEFAULTS.maxConnections();

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "60s",
            description = "Close a connection that sent nothing for this long: 500ms, 60s, 2m, 1h; 0 is off.")
    private Duration idleTimeout;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "10s",
            description = "On SIGTERM/SIGINT, how long in-flight messages may take before connections are"
                    + " closed by force.")
    private Duration shutdownGrace;

    @Option(names = "--reuse-port",
            description = "Bind with SO_REUSEPORT so several processes can share the port.")
    private boolean reusePort;

    @Override
    public Integer call() throws InterruptedException {
        EchoServer echo = new EchoServer(new InetSocketAddress(bind, port), engine, loops, framing,
                new FrameLimits(maxFrame), limits(), reusePort, Duration.ofNanos(idlePollUs * 1000));
        Server server;
        try {
            server = echo.start();
        } catch (IOException e) {
            spec.commandLine().getErr().println(
                    "weft echo: cannot listen on " + hostPort(echo.address()) + ": " + e.getMessage());
            return 1;
        }
        // Registered before the listening line, so a script that signals as soon as it reads the line
        // still gets a graceful stop.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, stopped), "weft-shutdown"));

        PrintWriter out = spec.commandLine().getOut();
        out.println("weft echo listening on " + hostPort(server.address(EchoServer.LISTENER))
                + " (engine=" + engine + ", framing=" + framing.id() + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    /** Checks what picocli's types cannot, so a bad value is a usage error (exit 2), not a crash. */
    private ListenerLimits limits() {
        require(port >= 0 && port <= 65535, "--port must be 0..65535, was " + port);
        require(loops >= 1, "--loops must be at least 1, was " + loops);
        require(idlePollUs >= 0 && idlePollUs <= Engine.MAX_IDLE_POLL_MICROS,
                "--idle-poll-us must be 0.." + Engine.MAX_IDLE_POLL_MICROS + ", was " + idlePollUs);
        require(maxFrame >= 1, "--max-frame must be at least 1 byte");
        require(maxConnections >= 1, "--max-connections must be at least 1, was " + maxConnections);
        return ListenerLimits.DEFAULTS.withMaxConnections(maxConnections).withReadIdleTimeout(idleTimeout);
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /** Runs on the shutdown-hook thread when the JVM is asked to stop (SIGTERM, SIGINT). */
    private void stop(Server server, CountDownLatch stopped) {
        long start = System.nanoTime();
        log.info("stopping: no new connections; in-flight messages get up to {} ms",
                shutdownGrace.toMillis());
        ShutdownSummary summary = server.shutdown(shutdownGrace);
        log.info("stopped in {} ms: {} connections closed gracefully, {} by force",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), summary.graceful(), summary.forced());
        stopped.countDown();
        // A JVM stopped by a signal exits with 128 + the signal number once its hooks finish. A graceful
        // stop on request is a success, so end here with 0; nothing else in this process exits after
        // the server has started, so no other exit status is overwritten.
        Runtime.getRuntime().halt(0);
    }

    /** "127.0.0.1:7000" or "[::1]:7000". */
    static String hostPort(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString()
                : ip instanceof Inet6Address ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress();
        return host + ":" + address.getPort();
    }
}
