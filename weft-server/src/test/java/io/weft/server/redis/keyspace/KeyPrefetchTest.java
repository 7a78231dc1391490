package io.weft.server.redis.keyspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyPrefetchTest {

    /** Two hashes in the same stripe and the same bucket of any table up to 2^16 buckets, and a third. */
    private static final int STRIPE_BITS = 0x0400_0000;
    private static final int A = STRIPE_BITS | 0x0001_0005;
    private static final int B = STRIPE_BITS | 0x0002_0005;
    private static final int ABSENT = STRIPE_BITS | 0x0003_0005;

    private final Database db = new Database(0, new KeyspaceStats());

    @Test
    void aChainThatLooksLikeACycleDoesNotHangThePrefetch() {
        KeyTable table = db.table(Keyspace.stripe(A));
        Entry a = table.insert(bytes("a"), A, bytes("1"), Entry.PERSISTENT);
        Entry b = table.insert(bytes("b"), B, bytes("2"), Entry.PERSISTENT);
        assertThat(table.head(A)).isSameAs(table.head(B));
        // What a reader without the lock may see while another thread resizes: old and new links mixed.
        a.next = b;
        b.next = a;
        try {
            KeyPrefetch prefetch = new KeyPrefetch();
            prefetch.add(db, ABSENT);
            prefetch.add(db, A);
            assertTimeoutPreemptively(Duration.ofSeconds(30), prefetch::load);
            assertThat(prefetch.hasRoom()).isTrue();
        } finally {
            a.next = null;
            b.next = null;
        }
    }

    @Test
    void holdsAtMostMaxKeysPerRunAndStartsAfreshAfterLoad() {
        KeyPrefetch prefetch = new KeyPrefetch();
        for (int i = 0; i < KeyPrefetch.MAX_KEYS; i++) {
            assertThat(prefetch.hasRoom()).isTrue();
            prefetch.add(db, i * 0x9E3779B9);
        }
        assertThat(prefetch.hasRoom()).isFalse();
        prefetch.load();
        assertThat(prefetch.hasRoom()).isTrue();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
