package io.weft.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.weft.loadgen.target.HttpTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weft bench http}: HTTP/1.1 load, over persistent connections or a connection per request; every
 * response's status is checked.
 */
@Command(name = "http",
        description = "HTTP/1.1 load over persistent connections (optionally pipelined) or, with"
                + " --no-keep-alive, a new connection per request; every response's status is checked.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true)
final class BenchHttpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Server address.")
    private InetAddress host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "80", description = "Server port.")
    private int port;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", defaultValue = "GET", description = "Request method.")
    private String method;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "/",
            description = "Request target; repeat it to send several paths in turn.")
    private List<String> paths = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "\"NAME: VALUE\"",
            description = "Extra header field; repeatable. Host defaults to ADDRESS:PORT.")
    private List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT", description = "Request body (UTF-8), sent with a Content-Length.")
    private String body;

    @Option(names = {"-P", "--pipeline"}, paramLabel = "N", defaultValue = "1",
            description = "Requests a connection may have sent and not yet had answered (HTTP/1.1 pipelining).")
    private int pipeline;

    @Option(names = "--keep-alive", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Keep connections open between requests. --no-keep-alive (or -H \"Connection: close\")"
                    + " sends Connection: close and opens a connection per request; it needs --pipeline 1.")
    private boolean keepAlive;

    @Option(names = "--expect-status", paramLabel = "CODE", defaultValue = "200",
            description = "The status every response must have; another 4xx/5xx counts as error-reply,"
                    + " anything else as mismatch.")
    private int expectStatus;

    @Mixin
    private BenchOptions options;

    @Override
    public Integer call() throws Exception {
        HttpTarget target = new HttpTarget(targetOptions());
        if (target.requestsPerConnection() == 1 && pipeline != 1) {
            throw new ParameterException(spec.commandLine(),
                    "--pipeline must be 1 without keep-alive: each connection carries one request");
        }
        return BenchRun.execute(spec, options,
                options.spec(spec, new InetSocketAddress(host, port), pipeline, "--pipeline"), target);
    }

    private HttpTarget.Options targetOptions() {
        String authority = (host.getHostAddress().indexOf(':') >= 0 ? "[" + host.getHostAddress() + "]"
                : host.getHostAddress()) + ":" + port;
        try {
            return new HttpTarget.Options(method, authority, paths, headers,
                    body == null ? new byte[0] : body.getBytes(UTF_8), expectStatus, keepAlive);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
