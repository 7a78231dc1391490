package io.weft.server.redis.core;

import java.util.concurrent.atomic.LongAdder;

/** Server-wide counters for INFO stats; CONFIG RESETSTAT zeroes them. */
public final class ServerStats {

    public final LongAdder commandsProcessed = new LongAdder();
    public final LongAdder errorReplies = new LongAdder();
    public final LongAdder pubsubSlowDisconnects = new LongAdder();

    public void reset() {
        commandsProcessed.reset();
        errorReplies.reset();
        pubsubSlowDisconnects.reset();
    }
}
