package io.weft.server.redis;

import io.weft.server.redis.Differential.Pair;
import org.junit.jupiter.api.Test;

/**
 * MULTI/EXEC/DISCARD/WATCH/UNWATCH compared byte for byte with Redis 7.0: queueing, the errors, EXECABORT,
 * per-command errors inside EXEC, and every way a WATCH can make EXEC fail (another client's write, one's
 * own write, FLUSHALL, a deadline passing), on both engines.
 */
class TransactionDifferentialTest extends EngineDifferential {

    @Test
    void queuedCommandsRunAtExecInOrder() throws Exception {
        try (Pair p = diff.pair(); Pair other = diff.pair()) {
            p.same("MULTI");
            p.same("SET", "a", "1");
            p.same("GET", "a");
            p.same("DEL", "a", "b");
            p.same("SET", "b", "2");
            p.same("ECHO", "queued");
            other.same("GET", "b");
            p.same("EXEC");
            other.same("GET", "b");
            p.same("MULTI");
            p.same("EXEC");
        }
    }

    @Test
    void controlCommandErrorsMatchRedis() throws Exception {
        try (Pair p = diff.pair()) {
            p.same("EXEC");
            p.same("DISCARD");
            p.same("UNWATCH");
            p.same("MULTI", "extra");
            p.same("WATCH");
            p.same("MULTI");
            p.same("MULTI");
            p.same("WATCH", "a");
            p.same("SET", "a", "1");
            // Neither a nested MULTI nor a WATCH inside MULTI dooms the transaction.
            p.same("EXEC");
            p.same("GET", "a");
        }
    }

    @Test
    void refusedWhileQueueingMeansExecabort() throws Exception {
        try (Pair p = diff.pair()) {
            p.same("MULTI");
            p.same("SET", "a", "1");
            p.same("NOSUCH", "x");
            p.same("SET", "b", "2");
            p.same("EXEC");
            p.same("GET", "a");
            p.same("EXEC");
            p.same("MULTI");
            p.same("GET");
            p.same("EXEC");
            p.same("MULTI");
            p.same("EXEC", "extra");
            p.same("EXEC");
        }
    }

    @Test
    void errorsWhileRunningAreRepliesNotAborts() throws Exception {
        try (Pair p = diff.pair()) {
            p.same("MULTI");
            p.same("SET", "a", "1");
            p.same("SET", "a", "2", "bogus");
            p.same("PING", "x", "y");
            p.same("GET", "a");
            p.same("UNWATCH");
            p.same("EXEC");
        }
    }

    @Test
    void discardDropsQueueAndWatches() throws Exception {
        try (Pair p = diff.pair(); Pair other = diff.pair()) {
            p.same("WATCH", "a");
            p.same("MULTI");
            p.same("SET", "a", "mine");
            p.same("DISCARD");
            p.same("GET", "a");
            other.same("SET", "a", "theirs");
            p.same("MULTI");
            p.same("SET", "b", "1");
            p.same("EXEC");
        }
    }

    @Test
    void anotherClientsWriteAbortsExec() throws Exception {
        try (Pair p = diff.pair(); Pair other = diff.pair()) {
            p.both("SET", "a", "1");
            p.same("WATCH", "a", "unrelated");
            other.same("SET", "a", "2");
            p.same("MULTI");
            p.same("SET", "a", "3");
            p.same("EXEC");
            p.same("GET", "a");
            // EXEC dropped the watches: the next transaction runs.
            other.same("SET", "a", "4");
            p.same("MULTI");
            p.same("SET", "a", "5");
            p.same("EXEC");
        }
    }

    @Test
    void writesToOtherKeysDoNotAbort() throws Exception {
        try (Pair p = diff.pair(); Pair other = diff.pair()) {
            p.same("WATCH", "a");
            other.same("SET", "b", "x");
            other.same("DEL", "missing");
            p.same("MULTI");
            p.same("SET", "a", "1");
            p.same("EXEC");
        }
    }

    @Test
    void ownWriteAndUnwatch() throws Exception {
        try (Pair p = diff.pair(); Pair other = diff.pair()) {
            p.same("WATCH", "a");
            p.same("SET", "a", "self");
            p.same("MULTI");
            p.same("GET", "a");
            p.same("EXEC");
            p.same("WATCH", "a");
            p.same("UNWATCH");
            other.same("SET", "a", "other");
            p.same("MULTI");
            p.same("GET", "a");
            p.same("EXEC");
        }
    }

    @Test
    void watchedMissingKeyCreatedByAnotherClient() throws Exception {
        try (Pair p = diff.pair(); Pair other = diff.pair()) {
            p.same("WATCH", "fresh");
            other.same("SET", "fresh", "now");
            p.same("MULTI");
            p.same("SET", "fresh", "mine");
            p.same("EXEC");
            p.same("GET", "fresh");
        }
    }

    @Test
    void flushallAbortsOnlyForKeysThatExisted() throws Exception {
        try (Pair p = diff.pair(); Pair other = diff.pair()) {
            p.both("SET", "a", "1");
            p.same("WATCH", "a");
            other.same("FLUSHALL");
            p.same("MULTI");
            p.same("PING");
            p.same("EXEC");
            p.same("WATCH", "never-existed");
            other.same("FLUSHALL");
            p.same("MULTI");
            p.same("PING");
            p.same("EXEC");
        }
    }

    @Test
    void watchedKeyWhoseDeadlinePassesAbortsExec() throws Exception {
        try (Pair p = diff.pair()) {
            p.same("SET", "short", "v", "PX", "100");
            long expired = System.currentTimeMillis() + 150;
            p.same("WATCH", "short");
            // Real time has to pass here; nothing on either server signals the deadline.
            while (System.currentTimeMillis() < expired) {
                Thread.sleep(5);
            }
            p.same("MULTI");
            p.same("PING");
            p.same("EXEC");
        }
    }

    @Test
    void execabortWinsOverBrokenWatch() throws Exception {
        try (Pair p = diff.pair(); Pair other = diff.pair()) {
            p.same("WATCH", "a");
            other.same("SET", "a", "x");
            p.same("MULTI");
            p.same("NOSUCH");
            p.same("EXEC");
        }
    }

}
