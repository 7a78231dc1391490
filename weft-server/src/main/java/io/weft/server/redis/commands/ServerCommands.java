package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.ALL_KEYS;
import static io.weft.server.redis.core.Flag.WRITE;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.keyspace.Keyspace;
import java.util.List;
import java.util.Set;

/** Server commands: FLUSHDB, FLUSHALL, DBSIZE, INFO, CONFIG, TIME, COMMAND, FUNCTION, SHUTDOWN. */
final class ServerCommands {

    private static final byte[] SYNC = {'s', 'y', 'n', 'c'};
    private static final byte[] ASYNC = {'a', 's', 'y', 'n', 'c'};

    private ServerCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("flushdb", -1, Set.of(WRITE, ALL_KEYS), "server", "1.0.0",
                        "Removes all keys from the current database.", ServerCommands::flushdb),
                CommandSpec.of("flushall", -1, Set.of(WRITE, ALL_KEYS), "server", "1.0.0",
                        "Removes all keys from all databases.", ServerCommands::flushall));
    }

    static void flushdb(Client c, RespRequest r) {
        if (validFlushMode(c, r)) {
            c.db().clear();
            c.ok();
        }
    }

    static void flushall(Client c, RespRequest r) {
        if (validFlushMode(c, r)) {
            Keyspace keyspace = c.server().keyspace();
            for (int i = 0; i < keyspace.databaseCount(); i++) {
                keyspace.database(i).clear();
            }
            c.ok();
        }
    }

    /** FLUSHDB/FLUSHALL [SYNC|ASYNC]: both modes free at once here, as the memory goes to the GC anyway. */
    private static boolean validFlushMode(Client c, RespRequest r) {
        if (r.argc() == 1 || (r.argc() == 2 && (r.argEqualsIgnoreCase(1, SYNC) || r.argEqualsIgnoreCase(1, ASYNC)))) {
            return true;
        }
        c.error(Errors.SYNTAX);
        return false;
    }
}
