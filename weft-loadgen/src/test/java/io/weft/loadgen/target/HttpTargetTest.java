package io.weft.loadgen.target;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.http.HttpResponse;
import io.weft.codec.http.HttpResponseDecoder;
import io.weft.codec.http.HttpLimits;
import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.LoadGenerator;
import io.weft.loadgen.LoadModel;
import io.weft.loadgen.LoadResult;
import io.weft.loadgen.LoadSpec;
import io.weft.loadgen.ProgressListener;
import io.weft.loadgen.spi.RequestWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The requests HttpTarget writes, how it judges responses, and runs against a real nginx. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpTargetTest {

    private static Nginx nginx;

    @BeforeAll
    static void startNginx() throws Exception {
        if (Nginx.installed()) {
            nginx = Nginx.start();
        }
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static HttpTarget.Options get(List<String> paths, int expect) {
        return new HttpTarget.Options("GET", "127.0.0.1:" + (nginx == null ? 80 : nginx.port), paths, List.of(),
                new byte[0], expect, true);
    }

    private static HttpTarget.Options getClosing(String path) {
        return new HttpTarget.Options("GET", "127.0.0.1:" + (nginx == null ? 80 : nginx.port), List.of(path),
                List.of(), new byte[0], 200, false);
    }

    private static LoadResult run(HttpTarget target, int pipeline, Duration length) throws Exception {
        return run(nginx, target, LoadModel.closed(), pipeline, length);
    }

    private static LoadResult run(Nginx server, HttpTarget target, LoadModel model, int pipeline, Duration length)
            throws Exception {
        assumeTrue(server != null, "nginx is not installed (apt-get install nginx-light)");
        LoadSpec spec = LoadSpec.of(server.address()).withConnections(4, 2).withMaxInFlight(pipeline)
                .withModel(model).withTimings(Duration.ofSeconds(5), Duration.ofMillis(100))
                .withLength(Duration.ofMillis(200), length, 0);
        return LoadGenerator.run(spec, target, ProgressListener.NONE);
    }

    @Test
    void encodesEachPathsRequestOnceWithHostAndBody() {
        HttpTarget target = new HttpTarget(new HttpTarget.Options("POST", "example.org:8080", List.of("/a", "/b?x=1"),
                List.of("Accept:  text/plain ", "X-Empty:"), "hi".getBytes(ISO_8859_1), 201, true));
        assertThat(new String(target.request(1), ISO_8859_1)).isEqualTo("POST /b?x=1 HTTP/1.1\r\n"
                + "Host: example.org:8080\r\nAccept: text/plain\r\nX-Empty: \r\nContent-Length: 2\r\n\r\nhi");
        assertThat(target.description()).isEqualTo("http POST 2 paths in turn, 2-byte body, expecting 201");
        HttpTarget ownHost = new HttpTarget(new HttpTarget.Options("HEAD", "a:1", List.of("/"),
                List.of("host: b"), new byte[0], 200, true));
        assertThat(new String(ownHost.request(0), ISO_8859_1)).isEqualTo("HEAD / HTTP/1.1\r\nhost: b\r\n\r\n");
        assertThat(ownHost.description()).isEqualTo("http HEAD /, expecting 200");
    }

    @Test
    void withoutKeepAliveEveryRequestSaysConnectionCloseOnce() {
        HttpTarget closing = new HttpTarget(getClosing("/"));
        assertThat(new String(closing.request(0), ISO_8859_1))
                .isEqualTo("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + (nginx == null ? 80 : nginx.port)
                        + "\r\nConnection: close\r\n\r\n");
        assertThat(closing.requestsPerConnection()).isEqualTo(1);
        assertThat(closing.description()).isEqualTo("http GET /, a connection per request, expecting 200");
        assertThat(new HttpTarget(get(List.of("/"), 200)).requestsPerConnection()).as("keep-alive").isZero();

        HttpTarget wrkStyle = new HttpTarget(new HttpTarget.Options("GET", "a:1", List.of("/"),
                List.of("connection:  Close"), new byte[0], 200, true));
        assertThat(wrkStyle.requestsPerConnection()).as("a Connection: close header turns keep-alive off")
                .isEqualTo(1);
        assertThat(new String(wrkStyle.request(0), ISO_8859_1))
                .isEqualTo("GET / HTTP/1.1\r\nHost: a:1\r\nconnection: Close\r\n\r\n");
    }

    @Test
    void writersRotateThroughThePathsFromAPerConnectionStart() {
        HttpTarget target = new HttpTarget(get(List.of("/0", "/1", "/2"), 200));
        RequestWriter writer = target.newWriter(4);
        ByteBufferSink sink = new ByteBufferSink(1024);
        assertThat(List.of(writer.writeRequest(sink), writer.writeRequest(sink), writer.writeRequest(sink),
                writer.writeRequest(sink))).containsExactly(1L, 2L, 0L, 1L);
    }

    @Test
    void rejectsOptionsThatWouldMakeABadRequest() {
        assertThatThrownBy(() -> new HttpTarget(new HttpTarget.Options("G T", "a", List.of("/"), List.of(),
                new byte[0], 200, true))).hasMessage("not a method: \"G T\"");
        assertThatThrownBy(() -> get(List.of("index.html"), 200))
                .hasMessage("a path starts with / and has no spaces: \"index.html\"");
        assertThatThrownBy(() -> get(List.of(), 200)).hasMessage("give at least one path");
        assertThatThrownBy(() -> new HttpTarget.Options("GET", "a", List.of("/"), List.of("NoColon"), new byte[0],
                200, true)).hasMessage("a header is \"Name: value\": \"NoColon\"");
        assertThatThrownBy(() -> new HttpTarget.Options("GET", "a", List.of("/"), List.of("content-length: 3"),
                new byte[0], 200, true)).hasMessage("content-length follows from the body; do not give it");
        assertThatThrownBy(() -> get(List.of("/"), 42)).hasMessage("expected status must have three digits: 42");
    }

    @Test
    void judgesStatusesAgainstTheExpectedOne() throws Exception {
        HttpStatusChecker checker = new HttpStatusChecker(200);
        RecordingReplies replies = new RecordingReplies(0, 0, 0, 0);
        HttpResponseDecoder decoder = new HttpResponseDecoder(HttpLimits.DEFAULT);
        ByteBuffer in = ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 301 Moved\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").getBytes(ISO_8859_1));
        boolean inStep = true;
        HttpResponse r;
        while ((r = decoder.decode(in)) != null) {
            inStep = checker.onMessage(r, replies);
        }
        assertThat(replies.outcomes).containsExactly("ok", "error-reply", "mismatch", "error-reply");
        assertThat(inStep).as("a response nobody asked for puts the stream out of step").isFalse();
    }

    @Test
    void aResponseThatClosesItsConnectionEndsIt() throws Exception {
        HttpStatusChecker checker = new HttpStatusChecker(200);
        RecordingReplies replies = new RecordingReplies(0, 0, 0);
        HttpResponseDecoder decoder = new HttpResponseDecoder(HttpLimits.DEFAULT);
        ByteBuffer in = ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").getBytes(ISO_8859_1));
        HttpResponse r;
        while ((r = decoder.decode(in)) != null) {
            checker.onMessage(r, replies);
        }
        assertThat(replies.outcomes).containsExactly("ok", "ok", "ok", "last-reply");
    }

    @Test
    void closedLoopAgainstNginxSucceedsWithoutErrors() throws Exception {
        LoadResult r = run(new HttpTarget(get(List.of("/index.html"), 200)), 1, Duration.ofSeconds(2));
        assertThat(r.totalErrors()).as("errors %s", r.errors()).isZero();
        assertThat(r.requests()).isPositive();
        assertThat(r.target()).isEqualTo("http GET /index.html, expecting 200");
    }

    @Test
    void pipelinedFourDeepAgainstNginxStaysInStep() throws Exception {
        LoadResult r = run(new HttpTarget(get(List.of("/index.html", "/"), 200)), 4, Duration.ofMillis(800));
        assertThat(r.totalErrors()).as("errors %s", r.errors()).isZero();
        assertThat(r.requests()).isPositive();
    }

    @Test
    void withoutKeepAliveEachRequestHasAConnectionOfItsOwn() throws Exception {
        int before = nginx == null ? 0 : nginx.accessLog().size();
        LoadResult r = run(new HttpTarget(getClosing("/index.html")), 1, Duration.ofSeconds(1));
        assertThat(r.totalErrors()).as("errors %s", r.errors()).isZero();
        assertThat(r.requests()).isPositive();
        List<Nginx.Request> served = nginx.accessLog();
        served = served.subList(before, served.size());
        assertThat(served).hasSizeGreaterThanOrEqualTo((int) r.requests())
                .allSatisfy(q -> assertThat(q.onConnection()).as("requests on its connection").isEqualTo(1));
        assertThat(served.stream().map(Nginx.Request::connection).distinct().count()).isEqualTo(served.size());
    }

    @Test
    void withoutKeepAliveAnOpenLoopRunKeepsItsRate() throws Exception {
        LoadResult r = run(nginx, new HttpTarget(getClosing("/index.html")), LoadModel.open(400), 1,
                Duration.ofSeconds(1));
        assertThat(r.totalErrors()).as("errors %s", r.errors()).isZero();
        assertThat(r.requests()).as("400/s for 1 s").isBetween(360L, 440L);
    }

    @Test
    void aServerThatEndsConnectionsAfterThreeRequestsCausesNoErrors() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed (apt-get install nginx-light)");
        try (Nginx strict = Nginx.start(3)) {
            LoadResult r = run(strict, new HttpTarget(get(List.of("/index.html"), 200)), LoadModel.closed(), 1,
                    Duration.ofMillis(800));
            assertThat(r.totalErrors()).as("errors %s", r.errors()).isZero();
            assertThat(r.requests()).isPositive();
            assertThat(strict.accessLog()).extracting(Nginx.Request::onConnection).contains(3)
                    .allSatisfy(n -> assertThat(n).isBetween(1, 3));
        }
    }

    @Test
    void aMissingPathCountsAsErrorRepliesOnly() throws Exception {
        LoadResult r = run(new HttpTarget(get(List.of("/index.html", "/missing"), 200)), 2, Duration.ofMillis(800));
        assertThat(r.requests()).isPositive();
        assertThat(r.errors().get(ErrorKind.ERROR_REPLY)).isPositive();
        assertThat(r.totalErrors()).as("errors %s", r.errors()).isEqualTo(r.errors().get(ErrorKind.ERROR_REPLY));
        LoadResult expect404 = run(new HttpTarget(get(List.of("/missing"), 404)), 1, Duration.ofMillis(500));
        assertThat(expect404.totalErrors()).as("errors %s", expect404.errors()).isZero();
        assertThat(expect404.requests()).isPositive();
    }
}
