package io.weft.loadgen.connect;

import io.weft.transport.CloseReason;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Why a connection of a connect run did not make it to the end. Each connection counts once at most. */
public enum ConnectFailure {
    /** The connect was refused: nothing listens there, or the listener's backlog overflowed. */
    REFUSED("refused"),
    /** The connect, or a ping, went unanswered for the timeout. */
    TIMEOUT("timeout"),
    /** The peer reset or closed the connection, while it was opening or held. */
    RESET("reset"),
    /**
     * Anything else: no free local port on the source address ("Cannot assign requested address"), out of
     * file descriptors, a ping answered with the wrong bytes.
     */
    OTHER("other");

    private final String label;

    ConnectFailure(String label) {
        this.label = label;
    }

    /** The name used in reports: "refused", "timeout", ... */
    public String label() {
        return label;
    }

    /** The cause of a failed connect, from the exception the connector completed with. */
    public static ConnectFailure ofConnect(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof TimeoutException || t instanceof SocketTimeoutException || message.contains("timed out")) {
            return TIMEOUT;
        }
        if (message.contains("reset") || message.contains("broken pipe")) {
            return RESET;
        }
        if (t instanceof ConnectException && message.contains("refused")) {
            return REFUSED;
        }
        return OTHER;
    }

    /** The cause of losing an open connection that our side did not close. */
    public static ConnectFailure ofClose(CloseReason reason) {
        return switch (reason) {
            case PEER_CLOSED, IO_ERROR -> RESET;
            case IDLE_TIMEOUT -> TIMEOUT;
            default -> OTHER;
        };
    }
}
