package io.weft.server.redis.core;

import io.weft.server.redis.keyspace.Keyspace;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work, {@code hz} times a second, as Redis's {@code serverCron}: active expiry, so expired keys
 * free their memory without being touched, and closing clients idle past {@code timeout}.
 *
 * <p>Each expiry round sweeps a bucket budget per stripe and repeats while more than a quarter of what it
 * looked at had expired (Redis's adaptive rule), up to a quarter of the round's period, so a burst of
 * expiring keys is reclaimed quickly without starving clients of the stripe locks.
 */
public final class ServerCron implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerCron.class);
    private static final int BUCKETS_PER_STRIPE = 64;

    private final ServerState server;
    private final Thread thread;
    private volatile boolean running = true;

    public ServerCron(ServerState server) {
        this.server = server;
        // A virtual thread, whichever engine serves the clients. The expiry sweep takes every stripe lock in
        // turn, and a client's virtual thread waiting on one is woken when the sweep lets go. Woken from a
        // platform thread, it would wait in the scheduler's submission queue, which a busy carrier only looks
        // at once its own queue is empty: under pipelined load that held clients up for 300-400 ms. Woken from
        // a virtual thread it joins the carrier's own queue. The cost: under such load the sweep itself runs
        // late, as Redis's own cron does when its event loop is busy.
        this.thread = Thread.ofVirtual().name("weft-redis-cron").unstarted(this::run);
    }

    public ServerCron start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / server.config().hz();
            long started = System.nanoTime();
            try {
                expireRound(started + periodNanos / 4);
                closeIdleClients();
            } catch (RuntimeException e) {
                log.error("background round failed", e);
            }
            long left = periodNanos - (System.nanoTime() - started);
            if (left > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
            }
        }
    }

    /**
     * Sweeps until a round finds that at most a quarter of the keys with deadlines it examined had expired,
     * or the time budget ends. Returns keys removed.
     */
    long expireRound(long deadlineNanos) {
        Keyspace keyspace = server.keyspace();
        long total = 0;
        while (true) {
            Keyspace.Sweep sweep = keyspace.sweepExpired(System.currentTimeMillis(), BUCKETS_PER_STRIPE);
            total += sweep.expired();
            if (sweep.expired() * 4 <= sweep.examined() || System.nanoTime() > deadlineNanos || !running) {
                return total;
            }
        }
    }

    private void closeIdleClients() {
        Duration timeout = server.config().timeout();
        if (timeout.isZero()) {
            return;
        }
        long cutoff = System.currentTimeMillis() - timeout.toMillis();
        for (Client client : server.clients()) {
            if (client.lastInteraction() < cutoff && !client.inPubSubContext() && client.transaction() == null) {
                client.connection().close();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
