package io.weft.transport;

import java.time.Duration;

/**
 * Every per-connection limit of a listener, in one place. Zero durations disable that timer.
 *
 * @param maxConnections     connections served at once; the next is refused with the protocol's reject
 *                           reply and counted
 * @param readIdleTimeout    close a connection that has sent nothing for this long (Redis "timeout")
 * @param writeIdleTimeout   call {@link Handler#onIdle} with WRITE_IDLE when nothing was written for this long
 * @param heartbeatInterval  call {@link Handler#onIdle} with HEARTBEAT this often
 * @param highWatermark      queued output above which {@link Connection#isWritable()} turns false
 * @param lowWatermark       queued output below which it turns true again
 * @param maxQueuedOutput    queued output above which the connection is aborted as a slow consumer
 * @param closeLinger        after a graceful close sends its FIN, how long to wait for the peer's
 */
public record ListenerLimits(int maxConnections, Duration readIdleTimeout, Duration writeIdleTimeout,
                             Duration heartbeatInterval, long highWatermark, long lowWatermark,
                             long maxQueuedOutput, Duration closeLinger) {

    public static final ListenerLimits DEFAULTS = new ListenerLimits(10_000, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, 64 * 1024, 32 * 1024, 64L * 1024 * 1024, Duration.ofSeconds(2));

    public ListenerLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        requireNonNegative("readIdleTimeout", readIdleTimeout);
        requireNonNegative("writeIdleTimeout", writeIdleTimeout);
        requireNonNegative("heartbeatInterval", heartbeatInterval);
        requireNonNegative("closeLinger", closeLinger);
        if (lowWatermark < 0 || lowWatermark > highWatermark) {
            throw new IllegalArgumentException("need 0 <= lowWatermark <= highWatermark");
        }
        if (maxQueuedOutput < highWatermark) {
            throw new IllegalArgumentException("maxQueuedOutput must be at least highWatermark");
        }
    }

    private static void requireNonNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive");
        }
    }

    public ListenerLimits withMaxConnections(int n) {
        return new ListenerLimits(n, readIdleTimeout, writeIdleTimeout, heartbeatInterval, highWatermark,
                lowWatermark, maxQueuedOutput, closeLinger);
    }

    public ListenerLimits withReadIdleTimeout(Duration d) {
        return new ListenerLimits(maxConnections, d, writeIdleTimeout, heartbeatInterval, highWatermark,
                lowWatermark, maxQueuedOutput, closeLinger);
    }

    public ListenerLimits withWriteIdleTimeout(Duration d) {
        return new ListenerLimits(maxConnections, readIdleTimeout, d, heartbeatInterval, highWatermark,
                lowWatermark, maxQueuedOutput, closeLinger);
    }

    public ListenerLimits withHeartbeatInterval(Duration d) {
        return new ListenerLimits(maxConnections, readIdleTimeout, writeIdleTimeout, d, highWatermark,
                lowWatermark, maxQueuedOutput, closeLinger);
    }

    public ListenerLimits withOutput(long high, long low, long max) {
        return new ListenerLimits(maxConnections, readIdleTimeout, writeIdleTimeout, heartbeatInterval, high,
                low, max, closeLinger);
    }

    public ListenerLimits withCloseLinger(Duration d) {
        return new ListenerLimits(maxConnections, readIdleTimeout, writeIdleTimeout, heartbeatInterval,
                highWatermark, lowWatermark, maxQueuedOutput, d);
    }
}
