package io.weft.transport.internal.loop;

import io.weft.transport.internal.BufferPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector thread serving many connections. Everything a connection does with its socket happens
 * here; other threads hand work over with {@link #execute}.
 *
 * <p>Each turn: wait for readiness (or a task, or the next sweep), handle ready keys, run handed-over
 * tasks, and every sweep interval check idle timers and lingering closes.
 *
 * <p>With an idle-poll time (Seastar's {@code --idle-poll-time-us}), a loop that runs out of work keeps
 * polling without blocking for that long before it sleeps in {@code epoll_wait}. A loop that is awake when
 * the next request arrives spares the peer's kernel the work of waking it: on two cores, against
 * redis-benchmark or wrk on the other core, that is worth 10-20% more requests per second at the cost of
 * this loop's core staying busy while traffic flows.
 */
final class EventLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
    static final int READ_BUFFER_SIZE = 64 * 1024;
    static final int CHUNK_SIZE = 16 * 1024;

    final Selector selector;
    final Thread thread;
    /** Shared by all connections of this loop: input is decoded straight out of it. */
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    final BufferPool pool = new BufferPool(CHUNK_SIZE, 1024);
    /** Scratch array for gathering writes; references are cleared after each use. */
    final ByteBuffer[] gather = new ByteBuffer[64];
    /** Empty output queues, lent to connections while they have output, so quiet ones hold none. */
    private final ArrayDeque<ArrayDeque<ByteBuffer>> queues = new ArrayDeque<>();
    /** Where encoders write, pointed at one connection at a time. */
    final LoopSink sink = new LoopSink();
    /** The time at the start of this turn, so hot paths need not read the clock. */
    long now = System.nanoTime();

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ArrayList<LoopConnection<?, ?>> connections = new ArrayList<>();
    /**
     * Connections that read in this turn; they flush once every ready connection has been read, as Redis
     * writes its replies before it sleeps. The peer then gets a turn's output in one burst, and a
     * pipelining client's next batch arrives while this loop is still busy: at 50 connections, -P 16 GET
     * it served 15-25% more than writing each connection's replies as soon as they were made.
     */
    private final ArrayList<LoopConnection<?, ?>> toFlush = new ArrayList<>();
    /** True while the selector hands this loop ready keys. */
    boolean dispatchingReady;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private long sweepInterval = Long.MAX_VALUE;
    private long nextSweep = Long.MAX_VALUE;
    private volatile boolean running = true;
    private final long idlePollNanos;
    /** Time spent polling while there was nothing to do; written by the loop only. */
    private volatile long idlePolled;

    EventLoop(String name, long idlePollNanos) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
        this.idlePollNanos = idlePollNanos;
    }

    /** Nanoseconds this loop has spent polling for readiness while it had nothing else to do. */
    long idlePolledNanos() {
        return idlePolled;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on this loop: now if called from it, else at its next turn. */
    void execute(Runnable task) {
        if (inLoop()) {
            task.run();
            return;
        }
        tasks.add(task);
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Runs {@code task} at the end of this turn, even when called from the loop itself. */
    void later(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    ArrayDeque<ByteBuffer> acquireQueue() {
        ArrayDeque<ByteBuffer> q = queues.pollLast();
        return q != null ? q : new ArrayDeque<>(4);
    }

    void releaseQueue(ArrayDeque<ByteBuffer> q) {
        if (queues.size() < 1024) {
            queues.addLast(q);
        }
    }

    void add(LoopConnection<?, ?> c, long connectionSweepInterval) {
        c.loopIndex = connections.size();
        connections.add(c);
        if (connectionSweepInterval < sweepInterval) {
            sweepInterval = connectionSweepInterval;
            nextSweep = Math.min(nextSweep, now + sweepInterval);
        }
    }

    void remove(LoopConnection<?, ?> c) {
        int i = c.loopIndex;
        if (i < 0 || i >= connections.size() || connections.get(i) != c) {
            return;
        }
        LoopConnection<?, ?> last = connections.removeLast();
        if (last != c) {
            connections.set(i, last);
            last.loopIndex = i;
        }
        c.loopIndex = -1;
    }

    @Override
    public void run() {
        try {
            while (running) {
                long timeoutMillis = 0;
                if (nextSweep != Long.MAX_VALUE) {
                    timeoutMillis = Math.max(1, (nextSweep - System.nanoTime()) / 1_000_000);
                }
                dispatchingReady = true;
                try {
                    if (tasks.isEmpty()) {
                        if (pollWhileIdle() == 0 && tasks.isEmpty()) {
                            selector.select(this::onReady, timeoutMillis);
                        }
                    } else {
                        selector.selectNow(this::onReady);
                    }
                } finally {
                    dispatchingReady = false;
                }
                flushDeferred();
                wakeupPending.set(false);
                now = System.nanoTime();
                runTasks();
                if (now >= nextSweep) {
                    sweep();
                }
            }
        } catch (Throwable t) {
            log.error("event loop {} failed", thread.getName(), t);
        } finally {
            abortAll();
            runTasks();
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing useful to do while stopping
            }
            stopped.countDown();
        }
    }

    /**
     * Polls without blocking for up to the idle-poll time, until a key is ready or a task arrives; returns
     * the number of keys handled. Stops early when the loop is told to stop or its next sweep is due.
     */
    private int pollWhileIdle() throws IOException {
        if (idlePollNanos == 0) {
            return 0;
        }
        long start = System.nanoTime();
        long deadline = Math.min(start + idlePollNanos, nextSweep);
        int handled;
        long t;
        do {
            handled = selector.selectNow(this::onReady);
            t = System.nanoTime();
        } while (handled == 0 && tasks.isEmpty() && running && t - deadline < 0);
        idlePolled += t - start;
        return handled;
    }

    private void onReady(SelectionKey key) {
        if (key.attachment() instanceof LoopConnection<?, ?> c) {
            c.onReady(key);
        } else if (key.attachment() instanceof PendingConnect<?, ?> p) {
            p.onConnectable(this, key);
        }
    }

    void deferFlush(LoopConnection<?, ?> c) {
        toFlush.add(c);
    }

    private void flushDeferred() {
        for (int i = 0; i < toFlush.size(); i++) {
            toFlush.get(i).finishDeferred();
        }
        toFlush.clear();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (Throwable t) {
                log.warn("task on event loop {} failed", thread.getName(), t);
            }
        }
    }

    private void sweep() {
        // Iterate backwards: a sweep may close (and so remove) the connection it looks at.
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (i < connections.size()) {
                connections.get(i).sweep(now);
            }
        }
        nextSweep = now + sweepInterval;
    }

    private void abortAll() {
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (i < connections.size()) {
                connections.get(i).abortOnStop();
            }
        }
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    void awaitStopped() throws InterruptedException {
        if (!inLoop() && thread.isAlive()) {
            stopped.await();
        }
    }
}
