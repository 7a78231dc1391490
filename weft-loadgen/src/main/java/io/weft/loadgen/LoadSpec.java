package io.weft.loadgen;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a run does, apart from the protocol (that is the {@link io.weft.loadgen.spi.Target}).
 *
 * <p>A run ends after {@code duration} of measurement, or once {@code requests} measured requests have
 * been sent, whichever comes first; zero turns either limit off, and at least one must be on. Replies
 * still outstanding then are awaited (up to the request timeout) and counted.
 *
 * @param address        the server
 * @param connections    connections to open, spread over the threads
 * @param threads        sender threads, and event loops for the connections
 * @param model          closed loop, or open loop at a fixed rate
 * @param maxInFlight    requests a connection may have sent and not yet had answered
 * @param warmup         load first for this long; nothing sent in it is measured
 * @param duration       measure for this long (zero: no time limit)
 * @param requests       measure this many requests (zero: no count limit)
 * @param requestTimeout a request not answered this long after it was sent counts as a timeout
 * @param sampleInterval length of one timeline interval, and how often progress is reported
 * @param idlePoll       how long an event loop that ran out of work keeps polling before it sleeps (zero:
 *                       at once). A loop that is awake when the next reply arrives spares the server's
 *                       kernel a wake-up; the time spent so is reported apart from the generator's CPU use
 */
public record LoadSpec(InetSocketAddress address, int connections, int threads, LoadModel model, int maxInFlight,
                       Duration warmup, Duration duration, long requests, Duration requestTimeout,
                       Duration sampleInterval, Duration idlePoll) {

    /** In-flight windows are rings the size of the cap; this bounds their memory. */
    public static final int MAX_IN_FLIGHT = 1 << 14;

    public LoadSpec {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(model, "model");
        requirePositive("connections", connections);
        requirePositive("threads", threads);
        requirePositive("maxInFlight", maxInFlight);
        if (maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("maxInFlight must be at most " + MAX_IN_FLIGHT);
        }
        requireNonNegative("warmup", warmup);
        requireNonNegative("duration", duration);
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be zero or positive");
        }
        if (duration.isZero() && requests == 0) {
            throw new IllegalArgumentException("give a duration, a request count, or both");
        }
        requireNonNegative("requestTimeout", requestTimeout);
        requireNonNegative("sampleInterval", sampleInterval);
        requireNonNegative("idlePoll", idlePoll);
        if (requestTimeout.isZero() || sampleInterval.isZero()) {
            throw new IllegalArgumentException("requestTimeout and sampleInterval must be positive");
        }
    }

    /**
     * One connection per thread, closed loop, one request in flight, no warm-up, 10 s, a 10 s request
     * timeout, 1 s intervals and no idle polling; adjust with the {@code with} methods.
     */
    public static LoadSpec of(InetSocketAddress address) {
        return new LoadSpec(address, 1, 1, LoadModel.closed(), 1, Duration.ZERO, Duration.ofSeconds(10), 0,
                Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO);
    }

    public LoadSpec withConnections(int n, int threads) {
        return new LoadSpec(address, n, threads, model, maxInFlight, warmup, duration, requests, requestTimeout,
                sampleInterval, idlePoll);
    }

    public LoadSpec withModel(LoadModel m) {
        return new LoadSpec(address, connections, threads, m, maxInFlight, warmup, duration, requests,
                requestTimeout, sampleInterval, idlePoll);
    }

    public LoadSpec withMaxInFlight(int n) {
        return new LoadSpec(address, connections, threads, model, n, warmup, duration, requests, requestTimeout,
                sampleInterval, idlePoll);
    }

    /** The warm-up, then the measured time and request limits. */
    public LoadSpec withLength(Duration warm, Duration measure, long count) {
        return new LoadSpec(address, connections, threads, model, maxInFlight, warm, measure, count,
                requestTimeout, sampleInterval, idlePoll);
    }

    public LoadSpec withTimings(Duration timeout, Duration interval) {
        return new LoadSpec(address, connections, threads, model, maxInFlight, warmup, duration, requests, timeout,
                interval, idlePoll);
    }

    public LoadSpec withIdlePoll(Duration value) {
        return new LoadSpec(address, connections, threads, model, maxInFlight, warmup, duration, requests,
                requestTimeout, sampleInterval, value);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }

    private static void requireNonNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive");
        }
    }
}
