package io.weft.cli;

import io.weft.loadgen.EchoLoad;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weft bench echo}: closed-loop raw echo load. Prints one result line on stdout:
 * {@code msgs/s=… p50_us=… p99_us=… max_us=… messages=… errors=…}. Exit 1 if any reply was wrong.
 */
@Command(name = "echo",
        description = "Closed-loop load against any raw echo server; every echoed byte is checked.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true)
final class BenchEchoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Server address.")
    private InetAddress host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7000", description = "Server port.")
    private int port;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "50", description = "Connections.")
    private int connections;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "1",
            description = "Messages in flight per connection (1 is ping-pong).")
    private int inFlight;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "64", description = "Bytes per message.")
    private int size;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "3s", description = "Load first for this long, then discard the measurements.")
    private Duration warmup;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "10s", description = "Measure for this long.")
    private Duration duration;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = "Event loops in the load generator.")
    private int threads;

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || inFlight < 1 || size < 1 || threads < 1 || duration.isZero()) {
            throw new ParameterException(spec.commandLine(),
                    "--connections, --in-flight, --size, --threads and --duration must be positive");
        }
        EchoLoad.Result result = new EchoLoad(new InetSocketAddress(host, port), connections, inFlight, size,
                warmup, duration, threads).run();
        spec.commandLine().getOut().println(result);
        return result.errors() == 0 ? 0 : 1;
    }
}
