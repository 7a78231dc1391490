package io.weft.loadgen.target;

import io.weft.codec.ByteSink;
import io.weft.loadgen.spi.RequestWriter;

/**
 * Writes one connection's HTTP requests: the pre-encoded request of each path in turn, starting at a
 * path that depends on the connection so that connections spread over the paths from the first request.
 * The token is the path's index.
 */
final class HttpRequestWriter implements RequestWriter {

    private final byte[][] requests;
    private int next;

    HttpRequestWriter(byte[][] requests, int connection) {
        this.requests = requests;
        this.next = connection % requests.length;
    }

    @Override
    public long writeRequest(ByteSink out) {
        int path = next;
        out.writeBytes(requests[path]);
        next = path + 1 == requests.length ? 0 : path + 1;
        return path;
    }
}
