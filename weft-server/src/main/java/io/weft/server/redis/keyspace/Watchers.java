package io.weft.server.redis.keyspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who WATCHes which keys of one {@link KeyTable}. Guarded by the table's stripe lock. */
final class Watchers {

    private Map<ByteKey, List<WatchState>> byKey;

    boolean isEmpty() {
        return byKey == null || byKey.isEmpty();
    }

    /** Registers {@code state} as watching {@code key}; returns false if it already was. */
    boolean add(ByteKey key, WatchState state) {
        if (byKey == null) {
            byKey = new HashMap<>();
        }
        List<WatchState> states = byKey.computeIfAbsent(key, k -> new ArrayList<>(2));
        if (states.contains(state)) {
            return false;
        }
        states.add(state);
        return true;
    }

    void remove(ByteKey key, WatchState state) {
        if (byKey == null) {
            return;
        }
        List<WatchState> states = byKey.get(key);
        if (states != null && states.remove(state) && states.isEmpty()) {
            byKey.remove(key);
        }
    }

    /** Marks everyone watching {@code key} dirty. */
    void touch(byte[] key, int hash) {
        if (isEmpty()) {
            return;
        }
        List<WatchState> states = byKey.get(new ByteKey(key, hash));
        if (states != null) {
            states.forEach(WatchState::markDirty);
        }
    }

    /** Marks dirty everyone watching a key for which {@code present} holds (a flush touches existing keys only). */
    void touchAll(java.util.function.Predicate<ByteKey> present) {
        if (isEmpty()) {
            return;
        }
        byKey.forEach((key, states) -> {
            if (present.test(key)) {
                states.forEach(WatchState::markDirty);
            }
        });
    }
}
