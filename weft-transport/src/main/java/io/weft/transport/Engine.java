package io.weft.transport;

import io.weft.transport.internal.loop.EventLoopEngine;
import io.weft.transport.internal.vthread.VirtualThreadEngine;
import io.weft.transport.spi.TransportEngine;
import java.time.Duration;
import java.util.Locale;

/** The built-in engines. Any other {@link TransportEngine} can be passed to a listener directly. */
public enum Engine {
    /** One virtual thread per connection with blocking I/O (Go's model). */
    VTHREAD,
    /** N non-blocking NIO event loops plus an acceptor (gnet/evio/Netty's model). */
    LOOP;

    /** Creates a new instance of this engine; {@code threads} is used by the event-loop engine. */
    public TransportEngine create(int threads) {
        return create(threads, Duration.ZERO);
    }

    /**
     * Creates a new instance of this engine. The event-loop engine uses {@code threads} loops, each of
     * which polls for up to {@code idlePoll} after running out of work before it sleeps; the virtual-thread
     * engine ignores both (its threads block in the JDK's poller).
     */
    public TransportEngine create(int threads, Duration idlePoll) {
        return switch (this) {
            case VTHREAD -> new VirtualThreadEngine();
            case LOOP -> new EventLoopEngine(threads, idlePoll);
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
