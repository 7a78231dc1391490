package io.weft.cli;

import io.weft.loadgen.LoadModel;
import io.weft.loadgen.LoadSpec;
import io.weft.loadgen.Thresholds;
import io.weft.transport.Engine;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options every {@code weft bench} target shares: how much load, for how long, where the reports go
 * and what counts as a pass. A picocli mixin; each target adds its address and protocol options.
 */
final class BenchOptions {

    private static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "50", description = "Connections.")
    int connections;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Sender threads, and event loops for the connections (default: available processors,"
                    + " here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-R", "--rate"}, paramLabel = "REQ/S", converter = Converters.RateValue.class,
            description = "Open loop: send this many requests per second in total, spread evenly over the"
                    + " connections, and measure latency from when each was due. Without it: closed loop.")
    Double rate;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = Converters.DurationValue.class,
            showDefaultValue = Visibility.NEVER,
            description = "Measure for this long (default: 10s, or no limit when --requests is given).")
    Duration duration;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", defaultValue = "0", showDefaultValue = Visibility.NEVER,
            description = "Measure this many requests (with --duration too: whichever limit comes first).")
    long requests;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "3s", description = "Load first for this long; nothing sent in it is measured.")
    Duration warmup;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "10s",
            description = "A request unanswered this long is a timeout (its connection is then reopened).")
    Duration timeout;

    @Option(names = "--idle-poll-us", paramLabel = "MICROS",
            description = "How long an event loop that ran out of work keeps polling before it sleeps, sparing the"
                    + " server's kernel a wake-up per reply; 0 sleeps at once. Reported apart from CPU use"
                    + " (default: 20 in closed loop; 0 with --rate, where polling loops would delay the senders).")
    Long idlePollUs;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--hgrm", paramLabel = "FILE",
            description = "Also write HdrHistogram's percentile distribution (milliseconds).")
    Path hgrm;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report with plots.")
    Path html;

    @Option(names = "--max-p99", paramLabel = "LATENCY", converter = Converters.LatencyValue.class,
            description = "Fail (exit 1) if the p99 latency is above this, e.g. 5ms.")
    Duration maxP99;

    @Option(names = "--min-rate", paramLabel = "REQ/S", converter = Converters.RateValue.class,
            description = "Fail (exit 1) if throughput is below this.")
    Double minRate;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
            description = "Fail (exit 1) if there are more errors than this.")
    long maxErrors;

    /** The run these options describe, against {@code address} with {@code inFlight} requests per connection. */
    LoadSpec spec(CommandSpec command, InetSocketAddress address, int inFlight, String inFlightOption) {
        if (connections < 1 || threads < 1 || requests < 0 || maxErrors < 0) {
            throw new ParameterException(command.commandLine(),
                    "--connections and --threads must be positive; --requests and --max-errors zero or more");
        }
        if (inFlight < 1 || inFlight > LoadSpec.MAX_IN_FLIGHT) {
            throw new ParameterException(command.commandLine(),
                    inFlightOption + " must be from 1 to " + LoadSpec.MAX_IN_FLIGHT);
        }
        if (timeout.isZero()) {
            throw new ParameterException(command.commandLine(), "--timeout must be positive");
        }
        long idlePoll = idlePollUs != null ? idlePollUs : rate == null ? Engine.DEFAULT_IDLE_POLL_MICROS : 0;
        if (idlePoll < 0 || idlePoll > Engine.MAX_IDLE_POLL_MICROS) {
            throw new ParameterException(command.commandLine(),
                    "--idle-poll-us must be from 0 to " + Engine.MAX_IDLE_POLL_MICROS);
        }
        Duration measure = duration != null ? duration : requests > 0 ? Duration.ZERO : DEFAULT_DURATION;
        if (measure.isZero() && requests == 0) {
            throw new ParameterException(command.commandLine(), "--duration 0 needs --requests");
        }
        for (Path file : new Path[] {json, hgrm, html}) {
            Path dir = file == null ? null : file.toAbsolutePath().getParent();
            if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
                // Found now rather than after a long run whose report could not be saved.
                throw new ParameterException(command.commandLine(), "no directory " + dir + " for " + file);
            }
        }
        LoadModel model = rate == null ? LoadModel.closed() : LoadModel.open(rate);
        return new LoadSpec(address, connections, threads, model, inFlight, warmup, measure, requests, timeout,
                Duration.ofSeconds(1), Duration.ofNanos(idlePoll * 1000));
    }

    Thresholds thresholds() {
        return new Thresholds(maxP99, minRate, maxErrors);
    }
}
