package io.weft.transport.spi;

import io.weft.transport.ListenerStats;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters one listener (or one connector) keeps, updated by its engine from many threads.
 * {@link LongAdder}s keep the hot path free of contended cache lines.
 */
public final class ListenerCounters {

    public final LongAdder accepted = new LongAdder();
    public final AtomicLong active = new AtomicLong();
    public final LongAdder rejected = new LongAdder();
    public final LongAdder bytesIn = new LongAdder();
    public final LongAdder bytesOut = new LongAdder();
    public final LongAdder messagesIn = new LongAdder();
    public final LongAdder messagesOut = new LongAdder();
    public final LongAdder errors = new LongAdder();
    public final LongAdder slowConsumerDisconnects = new LongAdder();

    public ListenerStats snapshot() {
        return new ListenerStats(accepted.sum(), active.get(), rejected.sum(), bytesIn.sum(), bytesOut.sum(),
                messagesIn.sum(), messagesOut.sum(), errors.sum(), slowConsumerDisconnects.sum());
    }
}
