package io.weft.transport;

/** Why {@link Handler#onIdle} was called. Each is set per listener in {@link ListenerLimits}. */
public enum IdleEvent {
    /** Nothing was read for {@link ListenerLimits#readIdleTimeout()}. The connection is then closed. */
    READ_IDLE,
    /** Nothing was written for {@link ListenerLimits#writeIdleTimeout()}. A hook only. */
    WRITE_IDLE,
    /** {@link ListenerLimits#heartbeatInterval()} has passed since the previous heartbeat. */
    HEARTBEAT
}
