package io.weft.server.redis.keyspace;

import java.util.ArrayList;
import java.util.List;

/**
 * One client's WATCHed keys. A write to a watched key sets {@link #dirty()} under the key's stripe lock;
 * EXEC reads it while holding the same locks, so a write either lands before EXEC checks (and aborts it)
 * or waits until EXEC has finished.
 */
public final class WatchState {

    /** A watched key, and whether it was a live key with a deadline when WATCH ran. */
    record Watched(int db, ByteKey key, long expireAtWhenWatched) {
    }

    private volatile boolean dirty;
    private final List<Watched> keys = new ArrayList<>();

    public boolean dirty() {
        return dirty;
    }

    void markDirty() {
        dirty = true;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public int size() {
        return keys.size();
    }

    List<Watched> keys() {
        return keys;
    }

    void add(Watched watched) {
        keys.add(watched);
    }

    /** Forgets the keys and the dirty flag; callers remove the registrations first. */
    void reset() {
        keys.clear();
        dirty = false;
    }
}
