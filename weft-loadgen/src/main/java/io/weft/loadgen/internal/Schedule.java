package io.weft.loadgen.internal;

/**
 * When each request of an open-loop run is due. The run's requests form one evenly spaced sequence at
 * the total rate, dealt out to the connections in turn: global request {@code g} is due at
 * {@code start + g / rate} and goes to connection {@code g mod connections}. So request {@code k} of
 * connection {@code c} is global request {@code c + k * connections}.
 *
 * <pre>
 * rate 4/s, 2 connections:   c0   c1   c0   c1   c0 ...
 *                            |----|----|----|----|--> t
 *                            0  250  500  750  1000 ms
 * </pre>
 *
 * Times are computed from the index, never accumulated, so they do not drift however long the run.
 */
final class Schedule {

    private final long startNanos;
    private final double nanosPerRequest;
    private final int connections;

    Schedule(long startNanos, double ratePerSecond, int connections) {
        if (!(ratePerSecond > 0) || connections < 1) {
            throw new IllegalArgumentException("need a positive rate and at least one connection");
        }
        this.startNanos = startNanos;
        this.nanosPerRequest = 1e9 / ratePerSecond;
        this.connections = connections;
    }

    /** The intended send time, in {@link System#nanoTime()} terms, of request {@code k} of connection {@code c}. */
    long intendedTime(int connection, long k) {
        double global = connection + (double) k * connections;
        return startNanos + (long) (global * nanosPerRequest);
    }
}
