package io.weft.cli;

import io.weft.loadgen.connect.ConnectProgress;
import io.weft.loadgen.connect.ConnectResult;
import io.weft.loadgen.connect.ConnectSpec;
import java.io.BufferedReader;
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
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a connect run as several child JVMs, each with its share of the connections and the connect rate,
 * and adds up what they found. A child is this same program (the same java, classpath and -X options)
 * started with the hidden {@code --child-result FILE} option, where it writes its {@link ConnectResult}.
 * While it runs, a child prints a {@link ConnectProgress} line a second on its stdout; the parent keeps each
 * child's latest and passes their sum on once a second.
 */
final class ChildProcesses {

    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BenchConnectCommand command;
    private final ConnectSpec whole;

    ChildProcesses(BenchConnectCommand command, ConnectSpec whole) {
        this.command = command;
        this.whole = whole;
    }

    ConnectResult run(PrintWriter err, Consumer<ConnectProgress> progress) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("weft-connect");
        List<Process> children = new ArrayList<>();
        List<Path> results = new ArrayList<>();
        AtomicReferenceArray<ConnectProgress> latest = new AtomicReferenceArray<>(command.processes);
        try {
            for (int i = 0; i < command.processes; i++) {
                Path result = dir.resolve("child-" + i + ".properties");
                results.add(result);
                Process child = new ProcessBuilder(childCommand(whole.share(i, command.processes), result))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                children.add(child);
                int index = i;
                Thread.ofVirtual().name("weft-connect-child-" + i).start(() -> readProgress(child, latest, index));
            }
            err.println("weft bench connect: started " + children.size() + " processes");
            err.flush();
            List<ConnectResult> parts = new ArrayList<>();
            long deadline = System.nanoTime() + longestRun().toNanos();
            for (int i = 0; i < children.size(); i++) {
                Process child = children.get(i);
                while (!child.waitFor(Math.min(Math.max(deadline - System.nanoTime(), 0), PROGRESS_NANOS),
                        TimeUnit.NANOSECONDS)) {
                    if (System.nanoTime() - deadline >= 0) {
                        throw new IOException("child process " + i + " did not finish within " + longestRun());
                    }
                    report(latest, progress);
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

    /** Keeps the child's latest progress line; reading to the end also keeps its stdout pipe from filling. */
    private static void readProgress(Process child, AtomicReferenceArray<ConnectProgress> latest, int index) {
        try (BufferedReader r = child.inputReader(StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                ConnectProgress p = ConnectProgress.parse(line);
                if (p != null) {
                    latest.set(index, p);
                }
            }
        } catch (IOException ignored) {
            // the child was destroyed: there is no more progress to read
        }
    }

    /** Passes on the children's progress added up, once every child has reported. */
    private static void report(AtomicReferenceArray<ConnectProgress> latest, Consumer<ConnectProgress> status) {
        List<ConnectProgress> parts = new ArrayList<>();
        for (int i = 0; i < latest.length(); i++) {
            ConnectProgress p = latest.get(i);
            if (p == null) {
                return;
            }
            parts.add(p);
        }
        status.accept(ConnectProgress.combine(parts));
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
