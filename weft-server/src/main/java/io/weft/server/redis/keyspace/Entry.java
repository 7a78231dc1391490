package io.weft.server.redis.keyspace;

/**
 * One key and its value in a {@link KeyTable} bucket chain.
 *
 * <p>The value is a {@code byte[]} for a string; other data types add their own classes. {@link #expireAt}
 * is an absolute Unix time in milliseconds, or {@link #PERSISTENT}. Fields are read and written only under
 * the lock of the table's stripe.
 */
public final class Entry {

    /** {@link #expireAt} of a key without a time to live. */
    public static final long PERSISTENT = 0;

    final byte[] key;
    final int hash;
    Object value;
    long expireAt;
    Entry next;

    Entry(byte[] key, int hash, Object value, long expireAt) {
        this.key = key;
        this.hash = hash;
        this.value = value;
        this.expireAt = expireAt;
    }

    /** The key's bytes. Shared: callers must not change them. */
    public byte[] key() {
        return key;
    }

    public Object value() {
        return value;
    }

    public long expireAt() {
        return expireAt;
    }

    public boolean hasExpire() {
        return expireAt != PERSISTENT;
    }

    boolean isExpired(long now) {
        return expireAt != PERSISTENT && expireAt <= now;
    }
}
