package io.weft.loadgen;

/**
 * How requests are paced.
 *
 * <p>{@link Closed}: each connection sends its next request only when a reply frees one of its in-flight
 * slots, so the generator slows down whenever the server does. That finds the highest rate the server
 * sustains, but a stall of the server also stalls the senders, and the requests that would have been
 * sent meanwhile are never measured (coordinated omission).
 *
 * <p>{@link Open}: requests are due at fixed times, a total {@code ratePerSecond} spread evenly over the
 * connections, whatever the server does. Latency is counted from each request's intended send time, so
 * time a request spent waiting to be sent (behind a stalled server, or a full in-flight window) is
 * part of its latency. This is what a user arriving at that rate would see.
 */
public sealed interface LoadModel {

    /** Send as fast as replies come back. */
    record Closed() implements LoadModel {
        @Override
        public String toString() {
            return "closed loop";
        }
    }

    /** Send at a fixed total rate. */
    record Open(double ratePerSecond) implements LoadModel {
        public Open {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
            }
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "open loop at %.0f req/s", ratePerSecond);
        }
    }

    static LoadModel closed() {
        return new Closed();
    }

    static LoadModel open(double ratePerSecond) {
        return new Open(ratePerSecond);
    }
}
