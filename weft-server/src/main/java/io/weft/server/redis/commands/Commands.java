package io.weft.server.redis.commands;

import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.CommandTable;
import io.weft.server.redis.core.TransactionCommands;
import java.util.ArrayList;
import java.util.List;

/** The command table: every family's rows in one place. */
public final class Commands {

    private Commands() {
    }

    public static CommandTable table() {
        List<CommandSpec> all = new ArrayList<>();
        all.addAll(ConnectionCommands.specs());
        all.addAll(ClientCommands.specs());
        all.addAll(ServerCommands.specs());
        all.addAll(InfoCommand.specs());
        all.addAll(ConfigCommands.specs());
        all.addAll(CommandDocs.specs());
        all.addAll(KeyCommands.specs());
        all.addAll(ExpireCommands.specs());
        all.addAll(StringCommands.specs());
        all.addAll(PubSubCommands.specs());
        all.addAll(TransactionCommands.specs());
        return new CommandTable(all);
    }
}
