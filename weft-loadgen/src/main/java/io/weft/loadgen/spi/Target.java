package io.weft.loadgen.spi;

import io.weft.codec.Decoder;

/**
 * One protocol the load generator speaks. Adding a protocol (HTTP, a TCP connect rate, WebSocket) is one
 * class implementing this; the load models, timing, error accounting and reports are shared.
 *
 * <p>For every connection the generator asks for a {@link RequestWriter}, which writes requests, and a
 * {@link ReplyChecker} with a decoder, which check replies. The two run on different threads in an open-loop
 * run (a sender thread writes while the connection's event loop reads), so they share no mutable state: what
 * the checker must know about a request travels with it as a {@code long} token.
 *
 * <p>Replies must come back in request order on each connection, as they do for echo, RESP, HTTP/1.1
 * pipelining and WebSocket echo; the generator pairs each reply with its connection's oldest request.
 *
 * @param <I> the decoded reply type
 */
public interface Target<I> {

    /** Short name for reports and logs: "echo", "resp". */
    String name();

    /** One line saying what is sent, for reports: "resp SET:GET=1:10, keys uniform over 100000, ...". */
    String description();

    /** A fresh decoder for one connection's replies. */
    Decoder<I> newDecoder();

    /**
     * The request writer for connection {@code index} (0 to connections - 1). One writer serves its
     * connection for the whole run, across reconnections.
     */
    RequestWriter newWriter(int index);

    /** A reply checker for one connection of index {@code index}: a new one for every (re)connection. */
    ReplyChecker<I> newChecker(int index);

    /**
     * How many requests one connection carries before the generator closes it and opens a new one, or 0
     * for no limit (persistent connections, the default). HTTP with keep-alive off returns 1: a new
     * connection for every request, as a browser without keep-alive or {@code ab} without {@code -k}.
     */
    default int requestsPerConnection() {
        return 0;
    }
}
