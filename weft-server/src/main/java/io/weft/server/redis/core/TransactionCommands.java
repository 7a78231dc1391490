package io.weft.server.redis.core;

import java.util.List;

/** MULTI, EXEC, DISCARD, WATCH, UNWATCH. */
public final class TransactionCommands {

    private TransactionCommands() {
    }

    public static List<CommandSpec> specs() {
        return List.of();
    }
}
