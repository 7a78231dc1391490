package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.WRITE;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.keyspace.Database;
import java.util.List;
import java.util.Set;

/** Generic key commands: DEL, UNLINK, EXISTS, TYPE, TOUCH, RENAME, COPY, MOVE, KEYS, SCAN, RANDOMKEY. */
final class KeyCommands {

    private KeyCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.keyed("del", -2, Set.of(WRITE), 1, -1, 1, "generic", "1.0.0",
                        "Deletes one or more keys.", KeyCommands::del));
    }

    static void del(Client c, RespRequest r) {
        Database db = c.db();
        long deleted = 0;
        for (int i = 1; i < r.argc(); i++) {
            if (db.delete(r, i, c.now())) {
                deleted++;
            }
        }
        c.integer(deleted);
    }
}
