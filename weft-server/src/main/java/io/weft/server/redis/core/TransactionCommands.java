package io.weft.server.redis.core;

import static io.weft.server.redis.core.Flag.FAST;
import static io.weft.server.redis.core.Flag.LOADING;
import static io.weft.server.redis.core.Flag.NOSCRIPT;
import static io.weft.server.redis.core.Flag.STALE;
import static io.weft.server.redis.core.Flag.TRANSACTION_CONTROL;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.keyspace.Keyspace;
import io.weft.server.redis.keyspace.WatchState;
import java.util.List;
import java.util.Set;

/**
 * MULTI, EXEC, DISCARD, WATCH, UNWATCH, as Redis's {@code multi.c}.
 *
 * <p>The dispatcher queues commands between MULTI and EXEC (and dooms the transaction when one is refused
 * while queueing). EXEC then takes, once and in stripe order, the locks of every queued command's keys and
 * of every watched key, checks the watches, and runs the queue: no other client's command on those keys can
 * run in between, which is the atomicity Redis gets from its single thread. A command that fails inside EXEC
 * (WRONGTYPE, a syntax error found at run time) fails alone; its error is one element of EXEC's reply.
 *
 * <p>These live in {@code core} rather than {@code commands} because EXEC drives the dispatcher's own
 * machinery: the lock masks, the queued {@link Transaction} and the client's fixed clock.
 */
public final class TransactionCommands {

    static final String NESTED_MULTI = "ERR MULTI calls can not be nested";
    static final String EXEC_WITHOUT_MULTI = "ERR EXEC without MULTI";
    static final String DISCARD_WITHOUT_MULTI = "ERR DISCARD without MULTI";
    static final String WATCH_INSIDE_MULTI = "ERR WATCH inside MULTI is not allowed";
    static final String EXECABORT = "EXECABORT Transaction discarded because of previous errors.";

    private TransactionCommands() {
    }

    public static List<CommandSpec> specs() {
        // Redis runs MULTI, EXEC, DISCARD and WATCH at once inside MULTI; UNWATCH is queued like any other
        // command. WATCH is not "no-multi": inside MULTI its own error does not doom the transaction.
        return List.of(
                CommandSpec.of("multi", 1, Set.of(NOSCRIPT, LOADING, STALE, FAST, TRANSACTION_CONTROL),
                        "transactions", "1.2.0", "Starts a transaction.", TransactionCommands::multi),
                CommandSpec.of("exec", 1, Set.of(NOSCRIPT, LOADING, STALE, TRANSACTION_CONTROL),
                        "transactions", "1.2.0", "Executes all commands in a transaction.",
                        TransactionCommands::exec),
                CommandSpec.of("discard", 1, Set.of(NOSCRIPT, LOADING, STALE, FAST, TRANSACTION_CONTROL),
                        "transactions", "2.0.0", "Discards a transaction.", TransactionCommands::discard),
                CommandSpec.keyed("watch", -2, Set.of(NOSCRIPT, LOADING, STALE, FAST, TRANSACTION_CONTROL),
                        1, -1, 1, "transactions", "2.2.0",
                        "Monitors changes to keys to determine the execution of a transaction.",
                        TransactionCommands::watch),
                CommandSpec.of("unwatch", 1, Set.of(NOSCRIPT, LOADING, STALE, FAST),
                        "transactions", "2.2.0", "Forgets about watched keys of a transaction.",
                        TransactionCommands::unwatch));
    }

    static void multi(Client c, RespRequest r) {
        if (c.transaction() != null) {
            c.error(NESTED_MULTI);
            return;
        }
        c.transaction(new Transaction());
        c.ok();
    }

    static void discard(Client c, RespRequest r) {
        if (c.transaction() == null) {
            c.error(DISCARD_WITHOUT_MULTI);
            return;
        }
        endTransaction(c);
        c.ok();
    }

    /**
     * EXEC: EXECABORT if queueing failed, a null array if a watched key changed (or its deadline passed),
     * else one reply per queued command. Either way the transaction ends and the watches are dropped.
     */
    static void exec(Client c, RespRequest r) {
        Transaction tx = c.transaction();
        if (tx == null) {
            c.error(EXEC_WITHOUT_MULTI);
            return;
        }
        if (tx.aborted()) {
            endTransaction(c);
            c.error(EXECABORT);
            return;
        }
        Keyspace keyspace = c.server().keyspace();
        WatchState watch = c.watching() ? c.watch() : null;
        long mask = tx.lockMask() | (watch == null ? 0 : Keyspace.watchedStripes(watch));
        // Ending the transaction first lets queued commands run as plain commands (and SUBSCRIBE inside
        // EXEC see the client outside MULTI), as they do in Redis.
        c.transaction(null);
        keyspace.lock(mask);
        try {
            if (watch != null && keyspace.watchBroken(watch, c.now())) {
                c.nullArray();
            } else {
                runQueued(c, tx);
            }
        } finally {
            keyspace.unlock(mask);
        }
        unwatchAll(c);
    }

    /** Replies with an array holding each queued command's reply; the caller holds every lock they need. */
    private static void runQueued(Client c, Transaction tx) {
        ServerStats stats = c.server().stats();
        c.arrayHeader(tx.size());
        tx.replay((spec, request) -> {
            spec.body().execute(c, request);
            stats.commandsProcessed.increment();
        });
    }

    /**
     * WATCH key [key ...]: the dispatcher holds the keys' stripes, so no write can slip between reading a
     * key's deadline and registering the watch.
     */
    static void watch(Client c, RespRequest r) {
        if (c.transaction() != null) {
            c.error(WATCH_INSIDE_MULTI);
            return;
        }
        WatchState state = c.watch();
        for (int i = 1; i < r.argc(); i++) {
            c.db().watch(r, i, state, c.now());
        }
        c.ok();
    }

    static void unwatch(Client c, RespRequest r) {
        unwatchAll(c);
        c.ok();
    }

    /**
     * EXEC itself refused by the dispatcher inside MULTI (a wrong argument count): the transaction is
     * discarded and the reply says why, the refusal's "ERR " code dropped as Redis drops it.
     */
    static void abortExec(Client c, String error) {
        endTransaction(c);
        String reason = error.startsWith("ERR ") ? error.substring(4) : error;
        c.error("EXECABORT Transaction discarded because of: " + reason);
    }

    /** Drops the queued transaction and the watches, as Redis's {@code discardTransaction}. */
    private static void endTransaction(Client c) {
        c.transaction(null);
        unwatchAll(c);
    }

    private static void unwatchAll(Client c) {
        if (c.watching()) {
            c.server().keyspace().unwatchAll(c.watch());
        }
    }
}
