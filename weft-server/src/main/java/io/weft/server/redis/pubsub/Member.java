package io.weft.server.redis.pubsub;

import io.weft.server.redis.keyspace.ByteKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One subscriber as the registry knows it: its own channels and patterns, in subscription order (what
 * UNSUBSCRIBE without arguments walks), and whether it has been cut off as a slow subscriber.
 *
 * <p>The sets change only on the subscriber's own thread, but are read under this object's monitor so that
 * a close handled on another thread cannot see them half-changed. Publishers never take the monitor.
 */
final class Member {

    final Subscriber subscriber;
    private final Set<ByteKey> channels = new LinkedHashSet<>();
    private final Set<ByteKey> patterns = new LinkedHashSet<>();
    /** Set once by the first publisher that finds the subscriber over its output limit. */
    private final AtomicBoolean cut = new AtomicBoolean();

    Member(Subscriber subscriber) {
        this.subscriber = subscriber;
    }

    /** Adds to the channel or pattern set; returns whether it was new. */
    synchronized boolean add(boolean pattern, ByteKey name) {
        return (pattern ? patterns : channels).add(name);
    }

    synchronized boolean remove(boolean pattern, ByteKey name) {
        return (pattern ? patterns : channels).remove(name);
    }

    /** Channels plus patterns: the count every (un)subscribe confirmation carries. */
    synchronized int count() {
        return channels.size() + patterns.size();
    }

    synchronized int channelCount() {
        return channels.size();
    }

    synchronized int patternCount() {
        return patterns.size();
    }

    /** A copy of the channels or patterns, in the order they were subscribed. */
    synchronized List<ByteKey> names(boolean pattern) {
        return new ArrayList<>(pattern ? patterns : channels);
    }

    boolean isCut() {
        return cut.get();
    }

    /** Returns true for exactly one caller, the one that must disconnect and count the subscriber. */
    boolean cut() {
        return cut.compareAndSet(false, true);
    }
}
