package io.weft.transport;

import io.weft.transport.spi.TransportEngine;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One listening socket of a {@link Server}.
 *
 * @param name      for logs and counters
 * @param address   where to bind; port 0 lets the OS choose (see {@link Server#address(String)})
 * @param engine    the engine that serves its connections
 * @param protocol  codec plus handler factory
 * @param limits    per-connection limits
 * @param reusePort bind with SO_REUSEPORT so several processes can share the port
 */
public record Listener(String name, InetSocketAddress address, TransportEngine engine, Protocol<?, ?> protocol,
                       ListenerLimits limits, boolean reusePort) {

    public Listener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(limits, "limits");
    }

    /** A listener on 127.0.0.1 with an OS-chosen port and default limits. */
    public static Listener loopback(String name, TransportEngine engine, Protocol<?, ?> protocol) {
        return new Listener(name, new InetSocketAddress("127.0.0.1", 0), engine, protocol,
                ListenerLimits.DEFAULTS, false);
    }

    public Listener withLimits(ListenerLimits newLimits) {
        return new Listener(name, address, engine, protocol, newLimits, reusePort);
    }

    public Listener withAddress(InetSocketAddress newAddress) {
        return new Listener(name, newAddress, engine, protocol, limits, reusePort);
    }

    public Listener withReusePort(boolean on) {
        return new Listener(name, address, engine, protocol, limits, on);
    }
}
