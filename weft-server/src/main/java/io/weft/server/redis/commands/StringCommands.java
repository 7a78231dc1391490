package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.DENYOOM;
import static io.weft.server.redis.core.Flag.FAST;
import static io.weft.server.redis.core.Flag.READONLY;
import static io.weft.server.redis.core.Flag.WRITE;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.keyspace.Entry;
import java.util.List;
import java.util.Set;

/** String commands, as Redis's {@code t_string.c}: values are binary-safe {@code byte[]}. */
final class StringCommands {

    private StringCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.keyed("get", 2, Set.of(READONLY, FAST), 1, 1, 1, "string", "1.0.0",
                        "Returns the string value of a key.", StringCommands::get),
                CommandSpec.keyed("set", -3, Set.of(WRITE, DENYOOM), 1, 1, 1, "string", "1.0.0",
                        "Sets the string value of a key, ignoring its type.", StringCommands::set));
    }

    static void get(Client c, RespRequest r) {
        Entry e = c.db().lookupRead(r, 1, c.now());
        if (e == null) {
            c.nullBulk();
        } else if (e.value() instanceof byte[] value) {
            c.bulk(value);
        } else {
            c.error(Errors.WRONG_TYPE);
        }
    }

    static void set(Client c, RespRequest r) {
        if (r.argc() != 3) {
            c.error(Errors.SYNTAX);
            return;
        }
        c.db().put(r, 1, r.argBytes(2), Entry.PERSISTENT, c.now());
        c.ok();
    }
}
