package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.redis.keyspace.Keyspace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Active expiry: keys whose deadline has passed are removed by the server's background sweep even when no
 * client ever looks at them again, so their memory comes back. The keys are counted in process, without
 * a command that would expire them lazily.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActiveExpiryTest {

    private static final int KEYS = 10_000;
    private static final long DEADLINE_SECONDS = 10;

    private RedisServer weft;

    @BeforeAll
    void start() throws Exception {
        weft = RedisServer.start(RedisConfig.defaults().withPort(0).withLoops(1));
    }

    @AfterAll
    void stop() {
        weft.close();
    }

    @Test
    void untouchedKeysWithPx50AreAllRemovedByTheSweep() throws Exception {
        long expiredBefore = weft.state().keyspace().stats().expired();
        try (RespClient client = new RespClient(weft.address())) {
            List<String[]> commands = new ArrayList<>();
            for (int i = 0; i < KEYS; i++) {
                commands.add(new String[] {"SET", "volatile:" + i, "v"});
                commands.add(new String[] {"PEXPIRE", "volatile:" + i, "50"});
            }
            commands.add(new String[] {"SET", "persistent", "v"});
            ScanGuaranteeTest.pipeline(client, commands);
        }
        awaitSize(0, 1);
        assertThat(weft.state().keyspace().stats().expired() - expiredBefore)
                .as("keys removed because their deadline passed").isEqualTo(KEYS);
        assertThat(KeyReplies.weftEntry(weft, 0, "persistent")).as("the key without a deadline").isNotNull();
        assertThat(volatileKeys(0)).isZero();
    }

    @Test
    void theSweepCoversEveryDatabase() {
        long expiredBefore = weft.state().keyspace().stats().expired();
        Keyspace keyspace = weft.state().keyspace();
        long deadline = System.currentTimeMillis() + 50;
        keyspace.lock(Keyspace.ALL_STRIPES);
        try {
            for (int i = 0; i < 3000; i++) {
                byte[] key = ("db3:" + i).getBytes(StandardCharsets.UTF_8);
                keyspace.database(3).put(key, key, deadline, deadline - 50);
            }
        } finally {
            keyspace.unlock(Keyspace.ALL_STRIPES);
        }
        awaitSize(3, 0);
        assertThat(weft.state().keyspace().stats().expired() - expiredBefore).isEqualTo(3000);
    }

    /** Polls the database's size, without touching any key, until it is {@code expected}; fails after 10 s. */
    private void awaitSize(int db, long expected) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        long size;
        while ((size = KeyReplies.weftSize(weft, db)) != expected) {
            assertThat(System.nanoTime())
                    .as("db %d still holds %d keys after %d s", db, size, DEADLINE_SECONDS).isLessThan(giveUp);
            // A polling interval, not a synchronisation: the sweep runs on its own clock (hz).
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private long volatileKeys(int db) {
        Keyspace keyspace = weft.state().keyspace();
        keyspace.lock(Keyspace.ALL_STRIPES);
        try {
            return keyspace.database(db).volatileKeys();
        } finally {
            keyspace.unlock(Keyspace.ALL_STRIPES);
        }
    }
}
