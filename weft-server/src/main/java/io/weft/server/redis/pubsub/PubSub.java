package io.weft.server.redis.pubsub;

/** Channels, patterns and their subscribers. */
public final class PubSub {

    /** Drops every subscription of {@code subscriber} (its connection closed). */
    public void unsubscribeAll(Subscriber subscriber) {
    }
}
