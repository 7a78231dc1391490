package io.weft.loadgen.spi;

import io.weft.codec.ByteSink;

/**
 * Writes one connection's requests. Calls never overlap and each sees the effects of the previous
 * one, but they may come from different threads over a run (the connection's event loop in a closed-loop
 * run, a sender thread in an open-loop one), so keep state in plain fields and never block.
 */
public interface RequestWriter {

    /**
     * Writes the requests to send first on every new connection (RESP's {@code HELLO 3}, say) and returns
     * how many it wrote (at most {@link Replies#MAX_HANDSHAKE}). Their replies reach the checker with
     * {@link Replies#handshakeToken} tokens; they are checked but never measured, and one that fails
     * makes the connection count as a connect error.
     */
    default int writeHandshake(ByteSink out) {
        return 0;
    }

    /**
     * Appends one request to {@code out} and returns its token: a non-negative number from which the
     * checker can tell what reply to expect (a sequence number, a command and key, ...).
     */
    long writeRequest(ByteSink out);
}
