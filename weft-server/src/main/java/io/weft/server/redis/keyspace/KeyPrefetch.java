package io.weft.server.redis.keyspace;

/**
 * Warms the cache for a run of key lookups that are about to happen one after another, by making their
 * memory loads together first.
 *
 * <p>A lookup in a large keyspace is a chain of dependent loads (bucket slot, entry, key bytes, value
 * bytes), each likely a cache miss. Run one command at a time, the misses of a pipeline follow one
 * another; here the first loads of every key are issued in one pass, then the second loads in the next,
 * so the processor overlaps the misses of different keys. Redis 8 does the same for a batch of pipelined
 * commands.
 *
 * <p>It is only a hint. It reads the tables without the stripe locks: Java keeps such racy reads safe (a
 * stale or missing entry at worst), nothing is written, and the commands themselves look their keys up
 * again under their locks. One instance serves one connection and is not thread-safe.
 */
public final class KeyPrefetch {

    /** The most keys one run warms. */
    public static final int MAX_KEYS = 16;
    /** The most chain links followed per key; chains average under one entry (the table resizes at one). */
    private static final int MAX_CHAIN = 8;

    private final KeyTable[] tables = new KeyTable[MAX_KEYS];
    private final Entry[] entries = new Entry[MAX_KEYS];
    private final int[] hashes = new int[MAX_KEYS];
    private int count;
    /** Where the loaded values go, so the compiler cannot drop the loads. */
    private int sink;

    /** Whether another key fits in this run. */
    public boolean hasRoom() {
        return count < MAX_KEYS;
    }

    /** Adds the key with {@code hash} in {@code db}. */
    public void add(Database db, int hash) {
        tables[count] = db.table(Keyspace.stripe(hash));
        hashes[count++] = hash;
    }

    /**
     * Loads the bucket slots, entries, keys and values of the keys added since the last call, then forgets
     * them. Each pass is a short loop, so that all of its loads fit in the processor's window at once.
     */
    public void load() {
        int n = count;
        int s = 0;
        for (int i = 0; i < n; i++) {
            entries[i] = tables[i].head(hashes[i]);
            tables[i] = null;
        }
        for (int i = 0; i < n; i++) {
            Entry e = entries[i];
            // Bounded: read without the lock while another thread resizes the table, a chain can look
            // like a cycle (old and new links mixed), as in an unsynchronised HashMap.
            for (int steps = 0; e != null && e.hash != hashes[i] && steps < MAX_CHAIN; steps++) {
                e = e.next;
            }
            entries[i] = e != null && e.hash == hashes[i] ? e : null;
        }
        for (int i = 0; i < n; i++) {
            Entry e = entries[i];
            if (e != null) {
                s += e.key.length;
                if (e.value instanceof byte[] value) {
                    s += value.length;
                }
                entries[i] = null;
            }
        }
        sink += s;
        count = 0;
    }
}
