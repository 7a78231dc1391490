package io.weft.server.redis.core;

/** Command flags, as Redis's command table names them where Redis has the same idea. */
public enum Flag {
    /** May change the keyspace. */
    WRITE,
    /** Only reads. */
    READONLY,
    /** May grow memory use. */
    DENYOOM,
    ADMIN,
    PUBSUB,
    NOSCRIPT,
    LOADING,
    STALE,
    FAST,
    /** Allowed before AUTH when a password is set. */
    NO_AUTH,
    /** Refused inside MULTI (Redis's {@code no-multi}). */
    NO_MULTI,
    /** Allowed while a RESP2 client is subscribed. */
    PUBSUB_CONTEXT,
    /** Runs at once inside MULTI instead of being queued (EXEC, DISCARD, MULTI, WATCH, RESET, QUIT). */
    TRANSACTION_CONTROL,
    /**
     * Reads or writes the keyspace beyond its declared keys (KEYS, SCAN, FLUSHDB, DBSIZE, RANDOMKEY,
     * SELECT-dependent work), so it runs with every stripe locked.
     */
    ALL_KEYS
}
