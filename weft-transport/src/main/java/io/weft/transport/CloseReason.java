package io.weft.transport;

/** Why a connection closed, as passed to {@link Handler#onClose}. */
public enum CloseReason {
    /** The peer closed its side (FIN) and we finished ours. */
    PEER_CLOSED,
    /** The peer reset the connection, or a read or write failed. */
    IO_ERROR,
    /** Our side called {@link Connection#close()}. */
    LOCAL_CLOSE,
    /** Our side called {@link Connection#abort()}. */
    LOCAL_ABORT,
    /** The decoder rejected the input. */
    PROTOCOL_ERROR,
    /** The handler threw. */
    HANDLER_ERROR,
    /** Queued output exceeded {@link ListenerLimits#maxQueuedOutput()}. */
    SLOW_CONSUMER,
    /** Nothing was read for {@link ListenerLimits#readIdleTimeout()}. */
    IDLE_TIMEOUT,
    /** The server shut down and the connection was idle, or finished its in-flight work. */
    SHUTDOWN,
    /** The server shut down and the deadline passed before the connection finished. */
    SHUTDOWN_FORCED
}
