package io.weft.server.redis.keyspace;

import io.weft.codec.resp.RespRequest;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The keys of one database that fall in one lock stripe: a chained hash table with power-of-two bucket
 * arrays, as Redis's {@code dict}. Not thread-safe; the owning stripe's lock guards every call.
 *
 * <p>Chaining (rather than open addressing) is what lets {@link #scan} keep SCAN's promise across
 * resizes: with a power-of-two table and a cursor that counts in reverse bit order, every bucket of the
 * old size maps onto a contiguous set of cursors of the new size, so a key present for the whole scan is
 * returned at least once whether the table grows or shrinks in between (Redis's {@code dictScan}).
 *
 * <p>The table resizes at once rather than incrementally: a stripe holds 1/{@value Keyspace#STRIPES} of
 * a database, so even ten million keys move in steps of ~160k entries.
 */
public final class KeyTable {

    private static final int MIN_BUCKETS = 4;

    private Entry[] buckets = new Entry[MIN_BUCKETS];
    private int size;
    private int volatileKeys;
    /** Where {@link #sweepExpired} resumes, a {@link #scan}-style cursor. */
    private long sweepCursor;
    private final Watchers watchers = new Watchers();

    public int size() {
        return size;
    }

    /** Keys with a time to live. */
    public int volatileKeys() {
        return volatileKeys;
    }

    Watchers watchers() {
        return watchers;
    }

    /** The entry for the key in argument {@code arg} of {@code request}, expired or not; null if absent. */
    Entry find(RespRequest request, int arg, int hash) {
        for (Entry e = buckets[hash & (buckets.length - 1)]; e != null; e = e.next) {
            if (e.hash == hash && request.argEquals(arg, e.key)) {
                return e;
            }
        }
        return null;
    }

    Entry find(byte[] key, int hash) {
        for (Entry e = buckets[hash & (buckets.length - 1)]; e != null; e = e.next) {
            if (e.hash == hash && Arrays.equals(key, e.key)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The first entry of the bucket for {@code hash}, read without the stripe lock for {@link KeyPrefetch}:
     * possibly stale, never used to answer a command.
     */
    Entry head(int hash) {
        Entry[] b = buckets;
        return b[hash & (b.length - 1)];
    }

    /** Adds a key known to be absent. */
    Entry insert(byte[] key, int hash, Object value, long expireAt) {
        Entry e = new Entry(key, hash, value, expireAt);
        int index = hash & (buckets.length - 1);
        e.next = buckets[index];
        buckets[index] = e;
        size++;
        if (expireAt != Entry.PERSISTENT) {
            volatileKeys++;
        }
        if (size > buckets.length) {
            resize(buckets.length * 2);
        }
        return e;
    }

    void setExpire(Entry e, long expireAt) {
        if (e.hasExpire() != (expireAt != Entry.PERSISTENT)) {
            volatileKeys += expireAt == Entry.PERSISTENT ? -1 : 1;
        }
        e.expireAt = expireAt;
    }

    /** Unlinks {@code target}, which must be in this table. */
    void remove(Entry target) {
        int index = target.hash & (buckets.length - 1);
        Entry previous = null;
        for (Entry e = buckets[index]; e != null; previous = e, e = e.next) {
            if (e == target) {
                if (previous == null) {
                    buckets[index] = e.next;
                } else {
                    previous.next = e.next;
                }
                size--;
                if (e.hasExpire()) {
                    volatileKeys--;
                }
                e.next = null;
                if (size < buckets.length / 8 && buckets.length > MIN_BUCKETS) {
                    resize(Math.max(MIN_BUCKETS, Integer.highestOneBit(Math.max(size, 1)) * 2));
                }
                return;
            }
        }
        throw new IllegalStateException("entry not in this table");
    }

    /** Drops every key. Watchers stay registered; callers touch them first. */
    void clear() {
        buckets = new Entry[MIN_BUCKETS];
        size = 0;
        volatileKeys = 0;
        sweepCursor = 0;
    }

    /** Calls {@code action} for every entry, expired ones included. */
    void forEach(Consumer<Entry> action) {
        for (Entry head : buckets) {
            for (Entry e = head; e != null; e = e.next) {
                action.accept(e);
            }
        }
    }

    /**
     * Visits the bucket at {@code cursor} and returns the next cursor, 0 when the table is done. Start at 0.
     * Cursors count with their bits reversed, so they survive a resize between calls (see the class note).
     */
    long scan(long cursor, Consumer<Entry> action) {
        int mask = buckets.length - 1;
        for (Entry e = buckets[(int) (cursor & mask)]; e != null; e = e.next) {
            action.accept(e);
        }
        return nextCursor(cursor, mask);
    }

    static long nextCursor(long cursor, int mask) {
        long v = cursor | ~(long) mask;
        v = Long.reverse(v);
        v++;
        return Long.reverse(v);
    }

    /** A random entry, expired or not, or null when empty; like Redis's {@code dictGetFairRandomKey}, roughly fair. */
    Entry random(RandomGenerator random) {
        if (size == 0) {
            return null;
        }
        int mask = buckets.length - 1;
        Entry head;
        do {
            head = buckets[random.nextInt() & mask];
        } while (head == null);
        int chain = 0;
        for (Entry e = head; e != null; e = e.next) {
            chain++;
        }
        Entry e = head;
        for (int skip = random.nextInt(chain); skip > 0; skip--) {
            e = e.next;
        }
        return e;
    }

    /**
     * Looks at up to {@code bucketBudget} buckets (never more than the table has) from where the last sweep
     * stopped, removing expired keys through {@code expire}. Returns the keys with a deadline it examined
     * in the high 32 bits and those it removed in the low 32 bits.
     */
    long sweepExpired(long now, int bucketBudget, Consumer<Entry> expire) {
        if (volatileKeys == 0) {
            return 0;
        }
        long examined = 0;
        long expired = 0;
        int budget = Math.min(bucketBudget, buckets.length);
        for (int i = 0; i < budget && volatileKeys > 0; i++) {
            Entry e = buckets[(int) (sweepCursor & (buckets.length - 1))];
            while (e != null) {
                Entry next = e.next;
                if (e.hasExpire()) {
                    examined++;
                    if (e.isExpired(now)) {
                        expire.accept(e);
                        expired++;
                    }
                }
                e = next;
            }
            sweepCursor = nextCursor(sweepCursor, buckets.length - 1);
        }
        return examined << 32 | expired;
    }

    private void resize(int newLength) {
        Entry[] old = buckets;
        Entry[] fresh = new Entry[newLength];
        int mask = newLength - 1;
        for (Entry head : old) {
            Entry e = head;
            while (e != null) {
                Entry next = e.next;
                int index = e.hash & mask;
                e.next = fresh[index];
                fresh[index] = e;
                e = next;
            }
        }
        buckets = fresh;
    }
}
