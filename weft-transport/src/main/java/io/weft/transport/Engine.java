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

    /**
     * The idle-poll time, in microseconds, that Weft's own servers and closed-loop load generator use
     * unless told otherwise: long enough to span the gap between one burst of requests and the next from a
     * busy peer, short enough that a loop with no traffic is asleep almost all the time. The API's own
     * default ({@link #create(int)}) is not to poll.
     */
    public static final long DEFAULT_IDLE_POLL_MICROS = 20;
    /** The longest idle-poll time the command line and configuration accept, in microseconds. */
    public static final long MAX_IDLE_POLL_MICROS = 1_000_000;

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
