package io.weft.loadgen.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The requests one connection has sent and not yet had answered, oldest first: a ring with one
 * producer (whichever thread sends) and one consumer (the connection's event loop).
 *
 * <p>Each entry holds the request's token, its intended send time (for latency) and its actual send
 * time (for the timeout). The producer fills an entry before it publishes it by advancing {@code sent},
 * and before the request's bytes reach the connection, so the consumer, which only reads an entry once
 * its reply arrived, always sees it whole. An entry is reused only after the consumer advanced
 * {@code completed} past it. The send times are also read by the sender thread to find timeouts while
 * the event loop may be advancing, so they are atomic; {@link #oldestSentAt()} re-checks that the entry
 * it read was not recycled meanwhile.
 */
final class InFlight {

    /** Returned by {@link #oldestSentAt()} when nothing is in flight. */
    static final long NONE = Long.MIN_VALUE;

    private final int mask;
    private final long[] tokens;
    private final long[] intended;
    private final AtomicLongArray sentAt;
    private volatile long sent;
    private volatile long completed;

    InFlight(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        this.mask = size - 1;
        this.tokens = new long[size];
        this.intended = new long[size];
        this.sentAt = new AtomicLongArray(size);
    }

    int capacity() {
        return mask + 1;
    }

    int outstanding() {
        return (int) (sent - completed);
    }

    /** Producer: appends a request. The caller has checked there is room. */
    void add(long token, long intendedNanos, long sentNanos) {
        long s = sent;
        int i = (int) (s & mask);
        tokens[i] = token;
        intended[i] = intendedNanos;
        sentAt.set(i, sentNanos);
        sent = s + 1;
    }

    /** Consumer: the oldest request's token. */
    long headToken() {
        return tokens[(int) (completed & mask)];
    }

    /** Consumer: the oldest request's intended send time. */
    long headIntended() {
        return intended[(int) (completed & mask)];
    }

    /** Consumer: the oldest request was answered. */
    void removeHead() {
        completed = completed + 1;
    }

    /** Any thread: when the oldest unanswered request was sent, or {@link #NONE}. */
    long oldestSentAt() {
        long c = completed;
        if (sent == c) {
            return NONE;
        }
        long at = sentAt.get((int) (c & mask));
        return completed == c ? at : NONE;
    }

    /** After the connection closed (no consumer left): the sequence numbers still outstanding. */
    long firstOutstanding() {
        return completed;
    }

    long endOutstanding() {
        return sent;
    }

    long tokenAt(long seq) {
        return tokens[(int) (seq & mask)];
    }

    long intendedAt(long seq) {
        return intended[(int) (seq & mask)];
    }

    /** After the connection closed and its losses were counted: empty, for the next connection. */
    void reset() {
        completed = 0;
        sent = 0;
    }
}
