package io.weft.loadgen.connect;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One connect run: open {@code connections} to {@code address} at {@code rate} connects a second, from the
 * source addresses in turn, hold them for {@code hold} with a ping every {@code pingInterval}, then ping
 * each one last time.
 *
 * @param address      the server
 * @param sources      local addresses to connect from, in turn; empty lets the kernel choose
 * @param connections  how many to open, at least 1
 * @param rate         connects a second, above 0
 * @param hold         how long to keep them once the last connect was started
 * @param pingInterval how often each open connection is pinged; zero pings only at the end
 * @param timeout      a connect or a ping unanswered this long is a timeout
 * @param threads      event loops serving the connections
 */
public record ConnectSpec(InetSocketAddress address, List<InetAddress> sources, int connections, double rate,
                          Duration hold, Duration pingInterval, Duration timeout, int threads) {

    public ConnectSpec {
        Objects.requireNonNull(address, "address");
        sources = List.copyOf(sources);
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (connections < 1 || threads < 1) {
            throw new IllegalArgumentException("connections and threads must be positive");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number: " + rate);
        }
        if (hold.isNegative() || pingInterval.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hold and ping interval must not be negative, timeout positive");
        }
    }

    /** The same run with its connections and rate scaled to one share of {@code shares}. */
    public ConnectSpec share(int index, int shares) {
        int n = connections / shares + (index < connections % shares ? 1 : 0);
        return new ConnectSpec(address, sources, Math.max(n, 1), rate / shares, hold, pingInterval, timeout, threads);
    }
}
