package io.weft.server.redis.keyspace;

import java.util.concurrent.locks.ReentrantLock;

/**
 * All databases, and the locks that make each command atomic.
 *
 * <h2>Lock striping</h2>
 * A key's hash picks one of {@value #STRIPES} stripes (its top bits); the same stripe number is used in
 * every database, and each stripe has one lock. A command holds the locks of the stripes of all its keys
 * for its whole run, taken in ascending stripe order, so:
 * <ul>
 *   <li>commands on keys in different stripes run in parallel on different cores;</li>
 *   <li>a multi-key command (MSET, RENAME, COPY ... DB n) sees and changes all its keys atomically;</li>
 *   <li>lock sets are taken in one global order, so two commands can never deadlock;</li>
 *   <li>a command without declared keys that must see a whole database (KEYS, FLUSHDB, DBSIZE) takes all
 *       stripes, which excludes every other command for its duration, as Redis's single thread does.</li>
 * </ul>
 * Lock sets are bit masks (one bit per stripe), so building them allocates nothing.
 */
public final class Keyspace {

    /** Number of lock stripes; a power of two no larger than 64, so a set of stripes fits in a long. */
    public static final int STRIPES = 64;
    /** The mask holding every stripe. */
    public static final long ALL_STRIPES = -1L;

    private final Database[] databases;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final KeyspaceStats stats = new KeyspaceStats();

    public Keyspace(int databaseCount) {
        if (databaseCount < 1) {
            throw new IllegalArgumentException("need at least one database, got " + databaseCount);
        }
        databases = new Database[databaseCount];
        for (int i = 0; i < databaseCount; i++) {
            databases[i] = new Database(i, stats);
        }
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The stripe of a key with this hash. */
    public static int stripe(int hash) {
        return hash >>> (Integer.SIZE - Integer.numberOfTrailingZeros(STRIPES));
    }

    /** The lock-mask bit of a key with this hash. */
    public static long stripeBit(int hash) {
        return 1L << stripe(hash);
    }

    public int databaseCount() {
        return databases.length;
    }

    public Database database(int index) {
        return databases[index];
    }

    public KeyspaceStats stats() {
        return stats;
    }

    /** Locks every stripe in {@code mask}, in ascending order. */
    public void lock(long mask) {
        for (long m = mask; m != 0; m &= m - 1) {
            locks[Long.numberOfTrailingZeros(m)].lock();
        }
    }

    public void unlock(long mask) {
        for (long m = mask; m != 0; m &= m - 1) {
            locks[Long.numberOfTrailingZeros(m)].unlock();
        }
    }

    /** What one round of active expiry saw: keys with a deadline examined, and how many had expired. */
    public record Sweep(long examined, long expired) {
    }

    /**
     * One round of active expiry: for each stripe with keys that have deadlines, takes its lock alone and
     * removes expired keys from up to {@code bucketBudget} buckets per database.
     */
    public Sweep sweepExpired(long now, int bucketBudget) {
        long examined = 0;
        long expired = 0;
        for (int stripe = 0; stripe < STRIPES; stripe++) {
            locks[stripe].lock();
            try {
                for (Database db : databases) {
                    long packed = db.sweepExpired(stripe, now, bucketBudget);
                    examined += packed >>> 32;
                    expired += packed & 0xffffffffL;
                }
            } finally {
                locks[stripe].unlock();
            }
        }
        return new Sweep(examined, expired);
    }

    /** Stops {@code state} watching anything; needs no locks held by the caller. */
    public void unwatchAll(WatchState state) {
        for (WatchState.Watched w : state.keys()) {
            long bit = stripeBit(w.key().hash());
            lock(bit);
            try {
                databases[w.db()].table(stripe(w.key().hash())).watchers().remove(w.key(), state);
            } finally {
                unlock(bit);
            }
        }
        state.reset();
    }

    /** The stripes of every key {@code state} watches. */
    public static long watchedStripes(WatchState state) {
        long mask = 0;
        for (WatchState.Watched w : state.keys()) {
            mask |= stripeBit(w.key().hash());
        }
        return mask;
    }

    /**
     * Whether EXEC must fail for {@code state}: a watched key was written, or had a deadline that has now
     * passed. Call with the stripes of {@link #watchedStripes} locked.
     */
    public boolean watchBroken(WatchState state, long now) {
        if (state.dirty()) {
            return true;
        }
        for (WatchState.Watched w : state.keys()) {
            if (w.expireAtWhenWatched() != Entry.PERSISTENT && w.expireAtWhenWatched() <= now) {
                return true;
            }
        }
        return false;
    }
}
