package io.weft.transport;

import io.weft.transport.internal.loop.EventLoopEngine;
import io.weft.transport.internal.vthread.VirtualThreadEngine;
import io.weft.transport.spi.TransportEngine;
import java.util.Locale;

/** The built-in engines. Any other {@link TransportEngine} can be passed to a listener directly. */
public enum Engine {
    /** One virtual thread per connection with blocking I/O (Go's model). */
    VTHREAD,
    /** N non-blocking NIO event loops plus an acceptor (gnet/evio/Netty's model). */
    LOOP;

    /** Creates a new instance of this engine; {@code threads} is used by the event-loop engine. */
    public TransportEngine create(int threads) {
        return switch (this) {
            case VTHREAD -> new VirtualThreadEngine();
            case LOOP -> new EventLoopEngine(threads);
        };
    }

    public TransportEngine create() {
        return create(Runtime.getRuntime().availableProcessors());
    }

    /** Parses "vthread" or "loop", as on the command line. */
    public static Engine parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
