package io.weft.cli;

import io.weft.loadgen.connect.ConnectResult;
import io.weft.loadgen.connect.ConnectSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a connect run as several child JVMs, each with its share of the connections and the connect rate,
 * and adds up what they found. A child is this same program (the same java, classpath and -X options)
 * started with the hidden {@code --child-result FILE} option, where it writes its {@link ConnectResult}.
 */
final class ChildProcesses {

    private final BenchConnectCommand command;
    private final ConnectSpec whole;

    ChildProcesses(BenchConnectCommand command, ConnectSpec whole) {
        this.command = command;
        this.whole = whole;
    }

    ConnectResult run(PrintWriter err) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("weft-connect");
        List<Process> children = new ArrayList<>();
        List<Path> results = new ArrayList<>();
        try {
            for (int i = 0; i < command.processes; i++) {
                Path result = dir.resolve("child-" + i + ".properties");
                results.add(result);
                children.add(new ProcessBuilder(childCommand(whole.share(i, command.processes), result))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            err.println("weft bench connect: started " + children.size() + " processes");
            err.flush();
            List<ConnectResult> parts = new ArrayList<>();
            long deadline = System.nanoTime() + longestRun().toNanos();
            for (int i = 0; i < children.size(); i++) {
                Process child = children.get(i);
                if (!child.waitFor(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
                    throw new IOException("child process " + i + " did not finish within " + longestRun());
                }
                int status = child.exitValue();
                if (status != 0 || !Files.exists(results.get(i))) {
                    throw new IOException("child process " + i + " failed (exit status " + status + ")");
                }
                try (Reader r = Files.newBufferedReader(results.get(i), StandardCharsets.UTF_8)) {
                    parts.add(ConnectResult.read(r));
                }
            }
            return ConnectResult.merge(parts);
        } finally {
            children.forEach(Process::destroyForcibly);
            for (Path p : results) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * How long a child may take before it is given up as hung: its connects at its rate, the hold, a
     * timeout for the last connects and one for the last ping, and a minute for starting and closing.
     */
    private Duration longestRun() {
        Duration opening = Duration.ofMillis((long) Math.ceil(whole.connections() * 1000.0 / whole.rate()));
        return opening.plus(whole.hold()).plus(whole.timeout().multipliedBy(2)).plusMinutes(1);
    }

    /** The java command line of one child, running {@code share}. */
    private List<String> childCommand(ConnectSpec share, Path result) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // Heap and GC settings the parent was given (WEFT_JAVA_OPTS), so children are sized alike.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", "connect",
                "--host", share.address().getAddress().getHostAddress(),
                "--port", Integer.toString(share.address().getPort()),
                "--protocol", command.protocol, "--framing", command.framing.id(),
                "--size", Integer.toString(command.size),
                "-c", Integer.toString(share.connections()), "--rate", String.format(java.util.Locale.ROOT, "%.6f", share.rate()),
                "--hold", millis(share.hold()), "--ping-interval", millis(share.pingInterval()),
                "--timeout", millis(share.timeout()), "-t", Integer.toString(share.threads()),
                "--child-result", result.toString()));
        if (!share.sources().isEmpty()) {
            cmd.add("--source-addresses");
            cmd.add(share.sources().stream().map(InetAddress::getHostAddress).collect(Collectors.joining(",")));
        }
        return cmd;
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }
}
