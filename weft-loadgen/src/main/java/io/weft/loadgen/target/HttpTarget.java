package io.weft.loadgen.target;

import io.weft.codec.Decoder;
import io.weft.codec.http.HttpLimits;
import io.weft.codec.http.HttpResponse;
import io.weft.codec.http.HttpResponseDecoder;
import io.weft.loadgen.spi.ReplyChecker;
import io.weft.loadgen.spi.RequestWriter;
import io.weft.loadgen.spi.Target;
import java.util.List;
import java.util.Objects;

/**
 * HTTP/1.1 ({@code weft bench http}): the same request, or one per path in turn; every response's status
 * is checked. Requests are encoded once, when the target is made, and copied out as they are sent.
 *
 * <p>With keep-alive on (the default) connections are persistent and may be pipelined up to the run's
 * window. With it off every request says {@code Connection: close} and gets a connection of its own, which
 * the generator closes after the response and replaces, as {@code ab} does without {@code -k}. Either way
 * a response that says {@code Connection: close} ends its connection without an error, as a server's
 * {@code keepalive_requests} limit does.
 */
public final class HttpTarget implements Target<HttpResponse> {

    private final Options options;
    private final byte[][] requests;

    public HttpTarget(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.requests = HttpRequests.encode(options);
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        String paths = options.paths().size() == 1 ? options.paths().getFirst()
                : options.paths().size() + " paths in turn";
        String body = options.body().length > 0 ? ", " + options.body().length + "-byte body" : "";
        String connections = options.keepAlive() ? "" : ", a connection per request";
        return "http " + options.method() + " " + paths + body + connections + ", expecting "
                + options.expectStatus();
    }

    @Override
    public Decoder<HttpResponse> newDecoder() {
        return new HttpResponseDecoder(HttpLimits.DEFAULT, options.method().equals("HEAD"));
    }

    @Override
    public RequestWriter newWriter(int index) {
        return new HttpRequestWriter(requests, index);
    }

    @Override
    public ReplyChecker<HttpResponse> newChecker(int index) {
        return new HttpStatusChecker(options.expectStatus());
    }

    @Override
    public int requestsPerConnection() {
        return options.keepAlive() ? 0 : 1;
    }

    /** The encoded request for path {@code i}, for tests. */
    byte[] request(int i) {
        return requests[i].clone();
    }

    /**
     * What to send.
     *
     * @param method       the request method, a token such as GET or POST
     * @param authority    the {@code Host} field sent unless {@code headers} has one: "host:port"
     * @param paths        request targets ("/", "/index.html?x=1"), sent in turn; at least one
     * @param headers      extra fields, each "Name: value"; Content-Length and Transfer-Encoding are derived
     *                     from the body and may not be given
     * @param body         the request body, possibly empty; sent with a Content-Length when not empty
     * @param expectStatus the status every response must have
     * @param keepAlive    persistent connections; false sends {@code Connection: close} and opens a
     *                     connection per request. A {@code Connection: close} among the headers turns it off,
     *                     as it does for wrk
     */
    public record Options(String method, String authority, List<String> paths, List<String> headers, byte[] body,
            int expectStatus, boolean keepAlive) {

        public Options {
            HttpRequests.validate(method, authority, paths, headers);
            paths = List.copyOf(paths);
            headers = List.copyOf(headers);
            keepAlive &= headers.stream().noneMatch(HttpRequests::isConnectionClose);
            body = body.clone();
            if (expectStatus < 100 || expectStatus > 999) {
                throw new IllegalArgumentException("expected status must have three digits: " + expectStatus);
            }
        }
    }
}
