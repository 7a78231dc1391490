package io.weft.transport;

/**
 * Straight-line protocol code: one call per connection, on that connection's virtual thread, reading
 * and writing with blocking calls as in Go. When it returns the connection is closed gracefully; when
 * it throws, the connection is aborted and the error logged once.
 */
@FunctionalInterface
public interface SessionHandler<I, O> {

    void serve(Session<I, O> session) throws Exception;
}
