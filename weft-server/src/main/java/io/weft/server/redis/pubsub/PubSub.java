package io.weft.server.redis.pubsub;

import io.weft.server.redis.keyspace.ByteKey;
import io.weft.server.redis.keyspace.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * Channels, patterns and their subscribers, shared by every connection.
 *
 * <h2>Threads</h2>
 * A client subscribes on its own thread while publishers run on the threads of other connections. The
 * registry is two concurrent maps from a channel (or pattern) to the set of its subscribers. A set is
 * created and dropped inside the map's per-key {@code compute}, so a subscribe can never add to a set that
 * an unsubscribe is dropping. Publishers read the maps and iterate the sets without taking any lock, and
 * deliver as they go: delivery may take a connection's output lock, and no thread ever holds a registry
 * lock while waiting for one, so delivering cannot deadlock with subscribing.
 *
 * <h2>Order</h2>
 * A subscriber's confirmation reaches its connection before the subscription becomes visible to
 * publishers (see {@link #subscribe}), so a client never sees a message before the confirmation of the
 * subscription that brought it. The reverse is not promised: a publisher already iterating may deliver one
 * message after an UNSUBSCRIBE confirmation.
 *
 * <h2>Slow subscribers</h2>
 * A publisher never waits for a subscriber. Before each delivery it looks at the subscriber's queued
 * output; past the limit the subscriber is disconnected (once, and counted) instead of being sent more.
 */
public final class PubSub {

    private final ConcurrentHashMap<ByteKey, Set<Member>> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ByteKey, Set<Member>> patterns = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Subscriber, Member> members = new ConcurrentHashMap<>();

    /**
     * Subscribes to a channel (SUBSCRIBE). {@code confirm} receives the subscriber's channel and pattern
     * count after the change; it runs before publishers can see the new subscription, so it must hand the
     * confirmation to the connection itself rather than leave it in a reply buffer.
     */
    public void subscribe(Subscriber subscriber, byte[] channel, IntConsumer confirm) {
        subscribe(subscriber, false, channel, confirm);
    }

    /** Subscribes to a glob pattern (PSUBSCRIBE); {@code confirm} as for {@link #subscribe}. */
    public void psubscribe(Subscriber subscriber, byte[] pattern, IntConsumer confirm) {
        subscribe(subscriber, true, pattern, confirm);
    }

    /** Leaves a channel (UNSUBSCRIBE channel); returns the subscriber's remaining count. */
    public int unsubscribe(Subscriber subscriber, byte[] channel) {
        return unsubscribe(subscriber, false, ByteKey.of(channel));
    }

    /** Leaves a pattern (PUNSUBSCRIBE pattern); returns the subscriber's remaining count. */
    public int punsubscribe(Subscriber subscriber, byte[] pattern) {
        return unsubscribe(subscriber, true, ByteKey.of(pattern));
    }

    /** The subscriber's channels, in the order it subscribed them (for UNSUBSCRIBE without arguments). */
    public List<byte[]> channelsOf(Subscriber subscriber) {
        return namesOf(subscriber, false);
    }

    /** The subscriber's patterns, in the order it subscribed them. */
    public List<byte[]> patternsOf(Subscriber subscriber) {
        return namesOf(subscriber, true);
    }

    public int channelCount(Subscriber subscriber) {
        Member m = members.get(subscriber);
        return m == null ? 0 : m.channelCount();
    }

    public int patternCount(Subscriber subscriber) {
        Member m = members.get(subscriber);
        return m == null ? 0 : m.patternCount();
    }

    /** Drops every subscription of {@code subscriber} (its connection closed). */
    public void unsubscribeAll(Subscriber subscriber) {
        Member m = members.remove(subscriber);
        if (m == null) {
            return;
        }
        for (ByteKey channel : m.names(false)) {
            m.remove(false, channel);
            leave(channels, channel, m);
        }
        for (ByteKey pattern : m.names(true)) {
            m.remove(true, pattern);
            leave(patterns, pattern, m);
        }
    }

    /**
     * Sends {@code payload} to the channel's subscribers and to the subscribers of every matching pattern;
     * returns how many deliveries that made (a client subscribed to the channel and to two matching
     * patterns counts three times, as in Redis). Subscribers with more than {@code outputLimit} bytes
     * waiting are disconnected instead, but still counted: Redis counts a client it is about to close.
     */
    public int publish(byte[] channel, byte[] payload, long outputLimit) {
        int receivers = 0;
        Set<Member> direct = channels.get(ByteKey.of(channel));
        if (direct != null) {
            receivers += deliverAll(direct, MessageFrame.message(channel, payload), outputLimit);
        }
        for (Map.Entry<ByteKey, Set<Member>> e : patterns.entrySet()) {
            byte[] pattern = e.getKey().bytes();
            if (Glob.matches(pattern, channel)) {
                receivers += deliverAll(e.getValue(), MessageFrame.patternMessage(pattern, channel, payload),
                        outputLimit);
            }
        }
        return receivers;
    }

    /** Channels with at least one subscriber, those matching {@code pattern} if it is not null. */
    public List<byte[]> activeChannels(byte[] pattern) {
        List<byte[]> result = new ArrayList<>();
        for (ByteKey channel : channels.keySet()) {
            if (pattern == null || Glob.matches(pattern, channel.bytes())) {
                result.add(channel.bytes());
            }
        }
        return result;
    }

    /** Subscribers of the channel itself, not counting pattern subscribers (PUBSUB NUMSUB). */
    public int subscriberCount(byte[] channel) {
        Set<Member> set = channels.get(ByteKey.of(channel));
        return set == null ? 0 : set.size();
    }

    /** Channels with at least one subscriber (INFO's pubsub_channels). */
    public int channelCount() {
        return channels.size();
    }

    /** Distinct patterns with at least one subscriber (PUBSUB NUMPAT). */
    public int patternCount() {
        return patterns.size();
    }

    private void subscribe(Subscriber subscriber, boolean pattern, byte[] name, IntConsumer confirm) {
        Member m = members.computeIfAbsent(subscriber, Member::new);
        ByteKey key = ByteKey.of(name);
        boolean added = m.add(pattern, key);
        confirm.accept(m.count());
        if (added) {
            (pattern ? patterns : channels).compute(key, (k, set) -> {
                Set<Member> s = set != null ? set : ConcurrentHashMap.newKeySet();
                s.add(m);
                return s;
            });
        }
    }

    private int unsubscribe(Subscriber subscriber, boolean pattern, ByteKey key) {
        Member m = members.get(subscriber);
        if (m == null) {
            return 0;
        }
        if (m.remove(pattern, key)) {
            leave(pattern ? patterns : channels, key, m);
        }
        int left = m.count();
        if (left == 0) {
            // Nothing left to deliver to; a later SUBSCRIBE starts afresh.
            members.remove(subscriber, m);
        }
        return left;
    }

    private static void leave(ConcurrentHashMap<ByteKey, Set<Member>> index, ByteKey key, Member m) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(m);
            return set.isEmpty() ? null : set;
        });
    }

    private List<byte[]> namesOf(Subscriber subscriber, boolean pattern) {
        Member m = members.get(subscriber);
        if (m == null) {
            return List.of();
        }
        List<byte[]> names = new ArrayList<>();
        for (ByteKey key : m.names(pattern)) {
            names.add(key.bytes());
        }
        return names;
    }

    private static int deliverAll(Set<Member> set, MessageFrame frame, long outputLimit) {
        int receivers = 0;
        for (Member m : set) {
            deliver(m, frame, outputLimit);
            receivers++;
        }
        return receivers;
    }

    private static void deliver(Member m, MessageFrame frame, long outputLimit) {
        if (m.isCut()) {
            return;
        }
        Subscriber s = m.subscriber;
        if (s.queuedOutputBytes() > outputLimit) {
            if (m.cut()) {
                s.disconnectSlow();
            }
            return;
        }
        s.deliver(frame.bytes(s.protocol()));
    }
}
