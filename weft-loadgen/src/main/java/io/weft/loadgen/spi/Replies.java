package io.weft.loadgen.spi;

import io.weft.loadgen.ErrorKind;

/**
 * The requests a connection is waiting on, oldest first, as a {@link ReplyChecker} sees them. Completing
 * the oldest records its latency (or its error) and makes the next one the oldest.
 */
public interface Replies {

    /** Most handshake requests a {@link RequestWriter} may write. */
    int MAX_HANDSHAKE = 8;

    /** The token handshake request {@code i} (0-based) is given. Handshake tokens are negative. */
    static long handshakeToken(int i) {
        return -1L - i;
    }

    static boolean isHandshake(long token) {
        return token < 0;
    }

    /** Requests sent and not yet answered; 0 means any byte that arrives now was not asked for. */
    int outstanding();

    /** The token of the oldest unanswered request. Only meaningful while {@link #outstanding()} > 0. */
    long token();

    /** The oldest request was answered correctly. */
    void ok();

    /** The oldest request was answered, wrongly: {@code kind} is ERROR_REPLY or MISMATCH. */
    void failed(ErrorKind kind);

    /**
     * The reply just completed is the server's last on this connection (HTTP's {@code Connection: close}):
     * the generator sends nothing more on it, closes it and opens a new one. Requests already sent after
     * that reply are lost with the connection and count as {@link ErrorKind#CLOSED}.
     */
    void lastReply();
}
