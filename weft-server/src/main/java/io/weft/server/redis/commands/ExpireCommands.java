package io.weft.server.redis.commands;

import io.weft.server.redis.core.CommandSpec;
import java.util.List;

final class ExpireCommands {

    private ExpireCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of();
    }
}
