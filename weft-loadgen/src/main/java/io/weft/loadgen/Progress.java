package io.weft.loadgen;

/**
 * A look at a run in progress, handed to a {@link ProgressListener} once per sampling interval.
 *
 * @param phase          warm-up, measuring, or draining the last replies
 * @param elapsedNanos   time since the phase began
 * @param phaseNanos     how long the phase lasts, or -1 when it ends on a request count
 * @param ratePerSecond  replies per second over the last interval (warm-up replies included)
 * @param p99Nanos       99th percentile latency of the measured window so far (0 in warm-up)
 * @param requests       successful replies measured so far
 * @param errors         errors counted so far
 */
public record Progress(Phase phase, long elapsedNanos, long phaseNanos, double ratePerSecond, long p99Nanos,
                       long requests, long errors) {

    public enum Phase { WARMUP, MEASURING, DRAINING }
}
