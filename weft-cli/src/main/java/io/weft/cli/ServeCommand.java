package io.weft.cli;

import io.weft.server.redis.ConfigParameter;
import io.weft.server.redis.ConfigParameters;
import io.weft.server.redis.ConfigValueException;
import io.weft.server.redis.RedisConfig;
import io.weft.server.redis.RedisConfigFile;
import io.weft.server.redis.RedisServer;
import io.weft.transport.ShutdownSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft serve [CONFIG_FILE]}: the Redis-compatible server. Settings come from Redis's defaults, then
 * the configuration file, then the flags, each flag parsed by the same rules as the file and CONFIG SET.
 * Prints one "listening" line on stdout once bound, and stops gracefully with exit code 0 on SIGTERM,
 * SIGINT or a client's SHUTDOWN.
 */
@Command(name = "serve",
        description = "Run the Redis-compatible server (RESP2/RESP3, Redis 7.0 replies).",
        sortOptions = false)
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG_FILE",
            description = "Settings in redis.conf syntax (\"port 6380\", \"requirepass secret\"); flags override it.")
    private Path configFile;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on; 0.0.0.0 for every interface (default: 127.0.0.1).")
    private String bind;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port to listen on; 0 lets the OS choose (default: 6379).")
    private String port;

    @Option(names = "--engine", paramLabel = "loop|vthread",
            description = "loop: NIO event loops; vthread: a virtual thread per connection (default: loop).")
    private String engine;

    @Option(names = "--loops", paramLabel = "N",
            description = "Event loops for the loop engine (default: available processors).")
    private String loops;

    @Option(names = "--idle-poll-us", paramLabel = "MICROS",
            description = "How long an event loop that ran out of work keeps polling before it sleeps; 0 sleeps"
                    + " at once, saving CPU on a shared host (default: 20).")
    private String idlePollUs;

    @Option(names = "--databases", paramLabel = "N", description = "Databases for SELECT (default: 16).")
    private String databases;

    @Option(names = "--maxclients", paramLabel = "N",
            description = "Clients served at once; the next gets Redis's error (default: 10000).")
    private String maxclients;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Close clients idle this long; 0 never (default: 0).")
    private String timeout;

    @Option(names = "--requirepass", paramLabel = "PASSWORD",
            description = "Password clients must give with AUTH or HELLO (default: none).")
    private String requirepass;

    @Option(names = "--protected-mode", paramLabel = "yes|no",
            description = "Without a password, refuse clients not on loopback (default: yes).")
    private String protectedMode;

    @Option(names = "--proto-max-bulk-len", paramLabel = "BYTES",
            description = "Longest bulk string in a request; Redis units: 512mb, 64kb (default: 512mb).")
    private String protoMaxBulkLen;

    @Option(names = "--max-multibulk-len", paramLabel = "N",
            description = "Most arguments in one request (default: 2147483647).")
    private String maxMultibulkLen;

    @Option(names = "--max-inline-size", paramLabel = "BYTES",
            description = "Longest inline command line (default: 64kb).")
    private String maxInlineSize;

    @Option(names = "--pubsub-output-limit", paramLabel = "BYTES",
            description = "Disconnect a subscriber with more output than this waiting (default: 32mb).")
    private String pubsubOutputLimit;

    @Option(names = "--hz", paramLabel = "N",
            description = "Background rounds (active expiry, idle timeouts) per second, clamped to 1-500"
                    + " (default: 10).")
    private String hz;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", converter = Converters.DurationValue.class,
            defaultValue = "10s",
            description = "On SIGTERM, SIGINT or SHUTDOWN, how long in-flight commands may take before"
                    + " connections are closed by force (default: 10s).")
    private Duration shutdownGrace;

    private ShutdownSummary stopped;

    @Override
    public Integer call() throws InterruptedException {
        RedisConfig config;
        try {
            config = configFile == null ? RedisConfig.defaults()
                    : RedisConfigFile.load(configFile, RedisConfig.defaults());
        } catch (IOException e) {
            return fail("cannot read " + configFile + ": " + e);
        } catch (RedisConfigFile.ConfigFileException e) {
            return fail(e.getMessage());
        }
        config = applyFlags(config);
        RedisServer redis;
        try {
            redis = RedisServer.start(config);
        } catch (IOException | RuntimeException e) {
            return fail("cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage());
        }
        if (configFile != null) {
            redis.state().configFile(configFile.toAbsolutePath().toString());
        }
        // Registered before the listening line, so a script that signals as soon as it reads the line
        // still gets a graceful stop.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(redis), "weft-shutdown"));
        announce(redis);
        redis.awaitShutdownRequest();
        stop(redis, "SHUTDOWN");
        return 0;
    }

    /** The flags given, in the settings table's terms, applied over the file; a bad value is a usage error. */
    private RedisConfig applyFlags(RedisConfig config) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("bind", bind);
        flags.put("port", port);
        flags.put("engine", engine);
        flags.put("loops", loops);
        flags.put("idle-poll-us", idlePollUs);
        flags.put("databases", databases);
        flags.put("maxclients", maxclients);
        flags.put("timeout", timeout);
        flags.put("requirepass", requirepass);
        flags.put("protected-mode", protectedMode);
        flags.put("proto-max-bulk-len", protoMaxBulkLen);
        flags.put("max-multibulk-len", maxMultibulkLen);
        flags.put("max-inline-size", maxInlineSize);
        flags.put("pubsub-output-limit", pubsubOutputLimit);
        flags.put("hz", hz);
        RedisConfig result = config;
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            if (flag.getValue() == null) {
                continue;
            }
            ConfigParameter parameter = ConfigParameters.find(flag.getKey());
            try {
                result = parameter.set(result, flag.getValue());
            } catch (ConfigValueException e) {
                throw new ParameterException(spec.commandLine(),
                        "--" + flag.getKey() + " '" + flag.getValue() + "': " + e.getMessage());
            }
        }
        return result;
    }

    /** The listening line on stdout, for scripts, and a banner with the settings in the log. */
    private void announce(RedisServer redis) {
        RedisConfig config = redis.state().config();
        String address = EchoCommand.hostPort(redis.address());
        log.info("weft serve (Redis 7.0 compatible) pid {} on {}: engine={} loops={} idle-poll-us={} databases={}"
                        + " maxclients={} protected-mode={} password={} config file={}", ProcessHandle.current().pid(),
                address, config.engine(), config.loops(), config.idlePoll().toNanos() / 1000, config.databases(),
                config.maxClients(), config.protectedMode() ? "yes" : "no",
                config.requirePass() == null ? "none" : "set", configFile == null ? "none" : configFile);
        PrintWriter out = spec.commandLine().getOut();
        out.println("weft serve listening on " + address + " (engine=" + config.engine() + ")");
        out.flush();
    }

    /** Runs on the shutdown-hook thread when the JVM is asked to stop (SIGTERM, SIGINT). */
    private void stopOnSignal(RedisServer redis) {
        stop(redis, "signal");
        // A JVM stopped by a signal exits with 128 + the signal number once its hooks finish. A graceful
        // stop on request is a success, so end here with 0; after SHUTDOWN the main thread already
        // stopped the server and returned 0, and this hook ends the exit it started, also with 0.
        Runtime.getRuntime().halt(0);
    }

    /** Stops the server once, whichever of SHUTDOWN or a signal comes first; the other waits for it. */
    private synchronized void stop(RedisServer redis, String cause) {
        if (stopped != null) {
            return;
        }
        long start = System.nanoTime();
        log.info("stopping on {}: no new connections; in-flight commands get up to {} ms", cause,
                shutdownGrace.toMillis());
        stopped = redis.shutdown(shutdownGrace);
        log.info("stopped in {} ms: {} connections closed gracefully, {} by force",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), stopped.graceful(), stopped.forced());
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("weft serve: " + message);
        return 1;
    }
}
