package io.weft.cli;

import io.weft.codec.resp.RespVersion;
import io.weft.loadgen.target.KeyPattern;
import io.weft.loadgen.target.RespTarget;
import io.weft.loadgen.target.RespWorkload;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code weft bench resp}: load against a Redis-compatible server; every reply is checked. */
@Command(name = "resp",
        description = "Load against a Redis-compatible server (Weft's, Redis, Valkey); every reply is checked.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true)
final class BenchRespCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Server address.")
    private InetAddress host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6379", description = "Server port.")
    private int port;

    @Option(names = "--ratio", paramLabel = "NAME:NAME=W:W", showDefaultValue = Visibility.NEVER,
            description = "Mix of commands by weight, e.g. set:get=1:10 (the default). Names: set, get, del,"
                    + " exists, ping, incr, lpush, rpush, lpop, rpop, sadd, spop, hset, hget.")
    private String ratio;

    @Option(names = "--command", paramLabel = "TEMPLATE",
            description = "Send this command instead of a mix; __key__ and __value__ stand for a key and a value,"
                    + " e.g. \"SET __key__ __value__\".")
    private String command;

    @Option(names = "--key-pattern", paramLabel = "sequential|uniform|gaussian",
            converter = Converters.KeyPatternName.class, defaultValue = "uniform",
            description = "How keys are drawn from the keyspace.")
    private KeyPattern keyPattern;

    @Option(names = "--keyspace", paramLabel = "N", defaultValue = "100000", description = "Distinct keys.")
    private long keyspace;

    @Option(names = "--value-size", paramLabel = "BYTES", converter = Converters.ByteSize.class,
            defaultValue = "64", description = "Bytes per value.")
    private int valueSize;

    @Option(names = {"-P", "--pipeline"}, paramLabel = "N", defaultValue = "1",
            description = "Requests a connection may have sent and not yet had answered (a sliding window).")
    private int pipeline;

    @Option(names = "--resp", paramLabel = "2|3", converter = Converters.RespVersionNumber.class,
            defaultValue = "2", description = "Protocol version; 3 sends HELLO 3 on every connection first.")
    private RespVersion version;

    @Mixin
    private BenchOptions options;

    @Override
    public Integer call() throws Exception {
        RespTarget target = new RespTarget(targetOptions());
        return BenchRun.execute(spec, options,
                options.spec(spec, new InetSocketAddress(host, port), pipeline, "--pipeline"), target);
    }

    private RespTarget.Options targetOptions() {
        if (ratio != null && command != null) {
            throw new ParameterException(spec.commandLine(), "give --ratio or --command, not both");
        }
        try {
            RespWorkload workload = command != null ? RespWorkload.command(command)
                    : RespWorkload.ratio(ratio != null ? ratio : "set:get=1:10");
            return new RespTarget.Options(workload, keyPattern, keyspace, valueSize, version);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
