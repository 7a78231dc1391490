package io.weft.cli;

import io.weft.codec.frame.Framing;
import io.weft.codec.resp.RespVersion;
import io.weft.loadgen.connect.ConnectBench;
import io.weft.loadgen.connect.ConnectProgress;
import io.weft.loadgen.connect.ConnectResult;
import io.weft.loadgen.connect.ConnectSpec;
import io.weft.loadgen.connect.ConnectThresholds;
import io.weft.loadgen.report.ConnectReport;
import io.weft.loadgen.report.RunInfo;
import io.weft.loadgen.spi.Target;
import io.weft.loadgen.target.EchoTarget;
import io.weft.loadgen.target.KeyPattern;
import io.weft.loadgen.target.RespTarget;
import io.weft.loadgen.target.RespWorkload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weft bench connect}: connection storms and holding many connections. Opens connections at a
 * connect rate from several source addresses, pings them while it holds them, checks each one at the
 * end, and with {@code --processes} spreads them over child JVMs to get past one process's file limit.
 */
@Command(name = "connect",
        description = "Open many connections at a connect rate, hold them with a periodic ping, and check"
                + " that each one still answers at the end.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true)
final class BenchConnectCommand implements Callable<Integer> {

    /** File descriptors a process keeps for itself beyond its connections (jars, selectors, pipes). */
    static final int SPARE_DESCRIPTORS = 200;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Server address.")
    InetAddress host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7000", description = "Server port.")
    int port;

    @Option(names = "--protocol", paramLabel = "echo|resp", defaultValue = "echo",
            description = "How to ping: an echo message (checked byte for byte) or a RESP PING.")
    String protocol;

    @Option(names = "--framing", paramLabel = "raw|line|length", converter = Converters.FramingName.class,
            defaultValue = "raw", description = "Echo only: how messages are delimited; the server must agree.")
    Framing framing;

    @Option(names = "--size", paramLabel = "BYTES", converter = Converters.ByteSize.class, defaultValue = "16",
            description = "Echo only: bytes per ping message.")
    int size;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "1000",
            description = "Connections to open and hold, over all processes.")
    int connections;

    @Option(names = {"-R", "--rate"}, paramLabel = "CONNECTS/S", converter = Converters.RateValue.class,
            defaultValue = "1000", description = "Connects started per second, over all processes.")
    double rate;

    @ArgGroup(exclusive = true)
    Sources sources;

    static final class Sources {
        @Option(names = "--source-addresses", paramLabel = "ADDRESS", split = ",",
                description = "Local addresses to connect from, in turn, e.g. 127.0.0.2,127.0.0.3"
                        + " (each has its own ephemeral ports).")
        List<InetAddress> addresses;

        @Option(names = "--sources", paramLabel = "N",
                description = "Connect from N loopback addresses: 127.0.0.2, 127.0.0.3, ...")
        Integer count;
    }

    @Option(names = "--hold", paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "10s", description = "Keep the connections this long once they are open.")
    Duration hold;

    @Option(names = "--ping-interval", paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "1s", description = "Ping each held connection this often (0: only at the end).")
    Duration pingInterval;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "10s", description = "A connect or ping unanswered this long is a timeout.")
    Duration timeout;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = "Event loops serving the connections, per process.")
    int threads;

    @Option(names = "--processes", paramLabel = "K", defaultValue = "1",
            description = "Spread the connections over K child JVMs (each has its own open-file limit)"
                    + " and add up their results.")
    int processes;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
            description = "Fail (exit 1) if more connections than this failed.")
    long maxErrors;

    @Option(names = "--max-connect-p99", paramLabel = "LATENCY", converter = Converters.LatencyValue.class,
            description = "Fail (exit 1) if the 99th percentile time to open a connection is above this.")
    Duration maxConnectP99;

    /** Set by a parent on its children: run this process's share and write the result here. */
    @Option(names = "--child-result", paramLabel = "FILE", hidden = true)
    Path childResult;

    @Override
    public Integer call() throws Exception {
        ConnectSpec run = connectSpec();
        Target<?> target = target();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (childResult != null) {
            // The parent reads these lines for its own progress line.
            ConnectResult result = ConnectBench.run(run, target, line -> { }, p -> {
                out.println(p.format());
                out.flush();
            });
            try (Writer w = Files.newBufferedWriter(childResult, StandardCharsets.UTF_8)) {
                result.write(w);
            }
            return 0;
        }
        ProgressLine live = ProgressLine.forTerminal(out);
        Consumer<ConnectProgress> status = live == null ? p -> { } : p -> live.onConnectProgress(p, connections);
        ConnectResult result;
        try {
            if (processes == 1) {
                result = ConnectBench.run(run, target, line -> {
                    if (live != null) {
                        live.clear();
                    }
                    err.println("weft bench connect: " + line);
                    err.flush();
                }, status);
            } else {
                result = new ChildProcesses(this, run).run(err, status);
            }
        } catch (IOException e) {
            err.println("weft bench connect: " + e.getMessage());
            return 1;
        } finally {
            if (live != null) {
                live.clear();
            }
        }
        return report(run, target.name(), result, out, err);
    }

    private int report(ConnectSpec run, String target, ConnectResult result, PrintWriter out, PrintWriter err) {
        List<String> violations = new ConnectThresholds(maxErrors, maxConnectP99).violations(result);
        ConnectReport.writeText(run, target, result, out);
        violations.forEach(v -> out.println("FAILED     " + v));
        out.flush();
        if (json != null) {
            RunInfo info = RunInfo.current(commandLine(), Main.Version.weft());
            try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                ConnectReport.writeJson(info, run, target, result, violations, w);
            } catch (IOException e) {
                err.println("weft bench connect: cannot write the report: " + e);
                return 1;
            }
        }
        return violations.isEmpty() ? 0 : 1;
    }

    /** The whole run (all processes together), checked. */
    ConnectSpec connectSpec() {
        if (connections < 1 || threads < 1 || processes < 1 || processes > connections || maxErrors < 0) {
            throw usage("--connections, --threads and --processes must be positive, --processes at most"
                    + " --connections, --max-errors zero or more");
        }
        if (timeout.isZero()) {
            throw usage("--timeout must be positive");
        }
        if (maxConnectP99 != null && maxConnectP99.isZero()) {
            throw usage("--max-connect-p99 must be positive");
        }
        if (!protocol.equals("echo") && !protocol.equals("resp")) {
            throw usage("unknown --protocol '" + protocol + "'; expected echo or resp");
        }
        if (size < 1) {
            throw usage("--size must be at least 1 byte");
        }
        Path dir = json == null ? null : json.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw usage("no directory " + dir + " for " + json);
        }
        long perProcess = (connections + processes - 1L) / processes;
        long fileLimit = openFileLimit();
        if (fileLimit > 0 && perProcess + SPARE_DESCRIPTORS > fileLimit) {
            throw usage(perProcess + " connections per process is above this process's open-file limit of "
                    + fileLimit + "; use --processes " + ((connections - 1) / (fileLimit - SPARE_DESCRIPTORS) + 1)
                    + " or more");
        }
        return new ConnectSpec(new InetSocketAddress(host, port), sourceAddresses(), connections, rate, hold,
                pingInterval, timeout, threads);
    }

    private List<InetAddress> sourceAddresses() {
        if (sources == null) {
            return List.of();
        }
        if (sources.addresses != null) {
            return sources.addresses;
        }
        if (sources.count < 1 || sources.count > 250) {
            throw usage("--sources must be from 1 to 250");
        }
        List<InetAddress> loopback = new ArrayList<>();
        for (int i = 0; i < sources.count; i++) {
            try {
                loopback.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + i)}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes are always an address
            }
        }
        return loopback;
    }

    private Target<?> target() {
        if (protocol.equals("echo")) {
            return new EchoTarget(framing, size);
        }
        return new RespTarget(new RespTarget.Options(RespWorkload.command("PING"), KeyPattern.UNIFORM, 1, 1,
                RespVersion.RESP2));
    }

    /** The soft open-file limit of this process, or 0 when the platform does not say. */
    private static long openFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u) {
            return u.getMaxFileDescriptorCount();
        }
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private String commandLine() {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        return "weft " + args.stream().map(a -> a.isEmpty() || a.matches(".*[\\s\"'].*") ? "'" + a + "'" : a)
                .collect(Collectors.joining(" "));
    }
}
