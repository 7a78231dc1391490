package io.weft.loadgen;

/**
 * One point of a run's timeline: what completed during one sampling interval of the measured window.
 *
 * @param endSeconds seconds from the start of the measured window to the end of this interval
 * @param seconds    length of the interval
 * @param requests   successful replies recorded in it
 * @param p50Nanos   median latency of those, from intended send time
 * @param p99Nanos   99th percentile
 * @param maxNanos   largest
 * @param errors     errors of every kind counted in it
 */
public record Interval(double endSeconds, double seconds, long requests, long p50Nanos, long p99Nanos,
                       long maxNanos, long errors) {

    public double ratePerSecond() {
        return seconds > 0 ? requests / seconds : 0;
    }
}
