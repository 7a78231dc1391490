package io.weft.server.redis.keyspace;

import io.weft.codec.resp.RespRequest;
import java.util.function.Consumer;

/**
 * One numbered database (SELECT n): {@value Keyspace#STRIPES} {@link KeyTable}s, one per lock stripe.
 *
 * <p>Every method assumes the caller holds the lock of each stripe it touches; the command dispatcher takes
 * them from the command table's key positions before a command runs (see {@link Keyspace}). Every change
 * goes through this class, which is what lets it tell WATCHers: a command cannot change a key without
 * marking its watchers dirty.
 *
 * <p>Expired keys are removed lazily here, when a lookup meets them, and actively by
 * {@link Keyspace#sweepExpired}.
 */
public final class Database {

    private final int index;
    private final KeyTable[] tables = new KeyTable[Keyspace.STRIPES];
    private final KeyspaceStats stats;

    Database(int index, KeyspaceStats stats) {
        this.index = index;
        this.stats = stats;
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new KeyTable();
        }
    }

    public int index() {
        return index;
    }

    KeyTable table(int stripe) {
        return tables[stripe];
    }

    private KeyTable tableFor(int hash) {
        return tables[Keyspace.stripe(hash)];
    }

    /** The live entry for the key in {@code request}'s argument {@code arg}, or null; an expired one is deleted. */
    public Entry lookup(RespRequest request, int arg, long now) {
        int hash = request.argHash(arg);
        KeyTable table = tableFor(hash);
        Entry e = table.find(request, arg, hash);
        return liveOrNull(table, e, now);
    }

    public Entry lookup(byte[] key, long now) {
        int hash = RespRequest.hash(key);
        KeyTable table = tableFor(hash);
        return liveOrNull(table, table.find(key, hash), now);
    }

    /** {@link #lookup} that also counts a keyspace hit or miss, as reads do in Redis. */
    public Entry lookupRead(RespRequest request, int arg, long now) {
        Entry e = lookup(request, arg, now);
        (e == null ? stats.misses : stats.hits).increment();
        return e;
    }

    private Entry liveOrNull(KeyTable table, Entry e, long now) {
        if (e != null && e.isExpired(now)) {
            expire(table, e);
            return null;
        }
        return e;
    }

    private void expire(KeyTable table, Entry e) {
        table.remove(e);
        table.watchers().touch(e.key, e.hash);
        stats.expired.increment();
    }

    /** Sets the key to {@code value} with the given deadline ({@link Entry#PERSISTENT} for none). */
    public Entry put(RespRequest request, int arg, Object value, long expireAt, long now) {
        int hash = request.argHash(arg);
        KeyTable table = tableFor(hash);
        Entry e = liveOrNull(table, table.find(request, arg, hash), now);
        if (e != null) {
            replace(e, value, expireAt);
            return e;
        }
        byte[] key = request.argBytes(arg);
        table.watchers().touch(key, hash);
        return table.insert(key, hash, value, expireAt);
    }

    /** Like {@link #put} with a key already copied out of a request. The array is kept; do not change it. */
    public Entry put(byte[] key, Object value, long expireAt, long now) {
        Entry e = lookup(key, now);
        if (e != null) {
            replace(e, value, expireAt);
            return e;
        }
        int hash = RespRequest.hash(key);
        KeyTable table = tableFor(hash);
        table.watchers().touch(key, hash);
        return table.insert(key, hash, value, expireAt);
    }

    private void replace(Entry e, Object value, long expireAt) {
        KeyTable table = tableFor(e.hash);
        e.value = value;
        table.setExpire(e, expireAt);
        table.watchers().touch(e.key, e.hash);
    }

    /** Replaces a live entry's value, keeping its deadline. */
    public void setValue(Entry e, Object value) {
        e.value = value;
        touched(e);
    }

    /** Tells watchers that {@code e}'s value was changed in place. */
    public void touched(Entry e) {
        tableFor(e.hash).watchers().touch(e.key, e.hash);
    }

    public void setExpire(Entry e, long expireAt) {
        KeyTable table = tableFor(e.hash);
        table.setExpire(e, expireAt);
        table.watchers().touch(e.key, e.hash);
    }

    /** Deletes a live entry. */
    public void delete(Entry e) {
        KeyTable table = tableFor(e.hash);
        table.remove(e);
        table.watchers().touch(e.key, e.hash);
    }

    /** Deletes the key if it is live; returns whether it was. */
    public boolean delete(RespRequest request, int arg, long now) {
        Entry e = lookup(request, arg, now);
        if (e == null) {
            return false;
        }
        delete(e);
        return true;
    }

    /** Keys including expired ones not yet removed, as Redis's DBSIZE counts. Needs every stripe's lock. */
    public long size() {
        long n = 0;
        for (KeyTable t : tables) {
            n += t.size();
        }
        return n;
    }

    /** Keys with a deadline. Needs every stripe's lock. */
    public long volatileKeys() {
        long n = 0;
        for (KeyTable t : tables) {
            n += t.volatileKeys();
        }
        return n;
    }

    /** Deletes every key, marking dirty the watchers of keys that existed. Needs every stripe's lock. */
    public long clear() {
        long removed = 0;
        for (KeyTable t : tables) {
            if (t.size() == 0) {
                continue;
            }
            t.watchers().touchAll(k -> t.find(k.bytes(), k.hash()) != null);
            removed += t.size();
            t.clear();
        }
        return removed;
    }

    /** Every entry of one stripe, expired ones included. Needs that stripe's lock. */
    public void forEach(int stripe, Consumer<Entry> action) {
        tables[stripe].forEach(action);
    }

    /** One step of a SCAN within {@code stripe}; see {@link KeyTable#scan}. Needs that stripe's lock. */
    public long scan(int stripe, long cursor, Consumer<Entry> action) {
        return tables[stripe].scan(cursor, action);
    }

    /** A random entry of a stripe, or null. Needs that stripe's lock. */
    public Entry random(int stripe, java.util.random.RandomGenerator random) {
        return tables[stripe].random(random);
    }

    public int stripeSize(int stripe) {
        return tables[stripe].size();
    }

    /** Removes expired keys of one stripe, up to a bucket budget; needs that stripe's lock. */
    long sweepExpired(int stripe, long now, int bucketBudget) {
        KeyTable table = tables[stripe];
        return table.sweepExpired(now, bucketBudget, e -> expire(table, e));
    }

    /** Registers {@code state} as watching the key; its deadline is remembered so EXEC can see it pass. */
    public void watch(RespRequest request, int arg, WatchState state, long now) {
        ByteKey key = ByteKey.of(request, arg);
        KeyTable table = tableFor(key.hash());
        Entry e = table.find(key.bytes(), key.hash());
        long deadline = e != null && !e.isExpired(now) ? e.expireAt : Entry.PERSISTENT;
        // Watching a key twice changes nothing (as in Redis): the first WATCH's deadline stays, and a client
        // that keeps re-WATCHing without EXEC or UNWATCH does not grow its list.
        if (table.watchers().add(key, state)) {
            state.add(new WatchState.Watched(index, key, deadline));
        }
    }
}
