package io.weft.server.redis.pubsub;

import io.weft.codec.resp.RespVersion;
import java.nio.ByteBuffer;

/** Where published messages go: a client, seen from the publisher's thread. */
public interface Subscriber {

    /** RESP2 subscribers get arrays, RESP3 ones push frames. */
    RespVersion protocol();

    /** Output waiting to be sent to this subscriber, for the slow-subscriber limit. */
    long queuedOutputBytes();

    /** Queues and flushes one encoded message. Never blocks. */
    void deliver(ByteBuffer message);

    /** Disconnects a subscriber that exceeded its output limit, and counts it. */
    void disconnectSlow();
}
