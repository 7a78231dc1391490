package io.weft.cli;

import io.weft.codec.frame.Framing;
import io.weft.loadgen.target.EchoTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code weft bench echo}: load against any echo server; every echoed byte is checked. */
@Command(name = "echo",
        description = "Load against any echo server (Weft's, Netty's, Go's); every echoed byte is checked.",
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

    @Option(names = "--framing", paramLabel = "raw|line|length", converter = Converters.FramingName.class,
            defaultValue = "raw", description = "How messages are delimited; the server must use the same.")
    private Framing framing;

    @Option(names = "--size", paramLabel = "BYTES", converter = Converters.ByteSize.class, defaultValue = "64",
            description = "Bytes per message.")
    private int size;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "1",
            description = "Messages a connection may have sent and not yet had back (1 is ping-pong).")
    private int inFlight;

    @Mixin
    private BenchOptions options;

    @Override
    public Integer call() throws Exception {
        if (size < 1) {
            throw new ParameterException(spec.commandLine(), "--size must be at least 1 byte");
        }
        return BenchRun.execute(spec, options,
                options.spec(spec, new InetSocketAddress(host, port), inFlight, "--in-flight"),
                new EchoTarget(framing, size));
    }
}
