package io.weft.server.redis.keyspace;

import java.util.concurrent.atomic.LongAdder;

/** Keyspace counters for INFO stats; reset by CONFIG RESETSTAT. */
public final class KeyspaceStats {

    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder expired = new LongAdder();

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long expired() {
        return expired.sum();
    }

    public void reset() {
        hits.reset();
        misses.reset();
        expired.reset();
    }
}
