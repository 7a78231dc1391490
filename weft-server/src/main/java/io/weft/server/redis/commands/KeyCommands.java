package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.ALL_KEYS;
import static io.weft.server.redis.core.Flag.DENYOOM;
import static io.weft.server.redis.core.Flag.FAST;
import static io.weft.server.redis.core.Flag.READONLY;
import static io.weft.server.redis.core.Flag.WRITE;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.keyspace.Database;
import io.weft.server.redis.keyspace.Entry;
import io.weft.server.redis.keyspace.Glob;
import io.weft.server.redis.keyspace.Keyspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generic key commands, as Redis's {@code db.c}: DEL, UNLINK, EXISTS, TYPE, TOUCH, RENAME, RENAMENX, COPY,
 * MOVE, KEYS, SCAN ({@link KeyScan}) and RANDOMKEY. They work on any value through {@link ValueTypes}.
 *
 * <p>COPY ... DB n and MOVE reach a second database with the key's stripe lock only: a key's stripe is the
 * same in every database, so the locks the dispatcher took for the keys cover the target too.
 */
final class KeyCommands {

    private static final byte[] REPLACE = {'r', 'e', 'p', 'l', 'a', 'c', 'e'};
    private static final byte[] DB = {'d', 'b'};
    private static final boolean NX = true;

    private KeyCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.keyed("del", -2, Set.of(WRITE), 1, -1, 1, "generic", "1.0.0",
                        "Deletes one or more keys.", KeyCommands::del),
                CommandSpec.keyed("unlink", -2, Set.of(WRITE, FAST), 1, -1, 1, "generic", "4.0.0",
                        "Asynchronously deletes one or more keys.", KeyCommands::unlink),
                CommandSpec.keyed("exists", -2, Set.of(READONLY, FAST), 1, -1, 1, "generic", "1.0.0",
                        "Determines whether one or more keys exist.", KeyCommands::exists),
                CommandSpec.keyed("type", 2, Set.of(READONLY, FAST), 1, 1, 1, "generic", "1.0.0",
                        "Determines the type of value stored at a key.", KeyCommands::type),
                CommandSpec.keyed("touch", -2, Set.of(READONLY, FAST), 1, -1, 1, "generic", "3.2.1",
                        "Returns the number of existing keys out of those specified.", KeyCommands::touch),
                CommandSpec.keyed("rename", 3, Set.of(WRITE), 1, 2, 1, "generic", "1.0.0",
                        "Renames a key and overwrites the destination.", KeyCommands::rename),
                CommandSpec.keyed("renamenx", 3, Set.of(WRITE, FAST), 1, 2, 1, "generic", "1.0.0",
                        "Renames a key only when the target key name doesn't exist.", KeyCommands::renamenx),
                CommandSpec.keyed("copy", -3, Set.of(WRITE, DENYOOM), 1, 2, 1, "generic", "6.2.0",
                        "Copies the value of a key to a new key.", KeyCommands::copy),
                CommandSpec.keyed("move", 3, Set.of(WRITE, FAST), 1, 1, 1, "generic", "1.0.0",
                        "Moves a key to another database.", KeyCommands::move),
                CommandSpec.of("keys", 2, Set.of(READONLY, ALL_KEYS), "generic", "1.0.0",
                        "Returns all key names that match a pattern.", KeyCommands::keys),
                CommandSpec.of("scan", -2, Set.of(READONLY, ALL_KEYS), "generic", "2.8.0",
                        "Iterates over the key names in the database.", KeyScan::scan),
                CommandSpec.of("randomkey", 1, Set.of(READONLY, ALL_KEYS), "generic", "1.0.0",
                        "Returns a random key name from the database.", KeyCommands::randomkey));
    }

    static void del(Client c, RespRequest r) {
        deleteGeneric(c, r);
    }

    /** UNLINK frees in the background in Redis; here the garbage collector already does, so it is DEL. */
    static void unlink(Client c, RespRequest r) {
        deleteGeneric(c, r);
    }

    private static void deleteGeneric(Client c, RespRequest r) {
        Database db = c.db();
        long deleted = 0;
        for (int i = 1; i < r.argc(); i++) {
            if (db.delete(r, i, c.now())) {
                deleted++;
            }
        }
        c.integer(deleted);
    }

    /** Counts live keys among the arguments; a key named twice counts twice. */
    static void exists(Client c, RespRequest r) {
        c.integer(countLive(c, r));
    }

    /** TOUCH updates access times in Redis; Weft keeps none, so it only counts like EXISTS. */
    static void touch(Client c, RespRequest r) {
        c.integer(countLive(c, r));
    }

    private static long countLive(Client c, RespRequest r) {
        Database db = c.db();
        long live = 0;
        for (int i = 1; i < r.argc(); i++) {
            if (db.lookupRead(r, i, c.now()) != null) {
                live++;
            }
        }
        return live;
    }

    static void type(Client c, RespRequest r) {
        Entry e = c.db().lookupRead(r, 1, c.now());
        c.simple(ValueTypes.typeName(e == null ? null : e.value()));
    }

    static void rename(Client c, RespRequest r) {
        renameGeneric(c, r, !NX);
    }

    static void renamenx(Client c, RespRequest r) {
        renameGeneric(c, r, NX);
    }

    /** RENAME / RENAMENX source target: the value moves with its deadline; an existing target is replaced. */
    private static void renameGeneric(Client c, RespRequest r, boolean nx) {
        Database db = c.db();
        Entry source = db.lookup(r, 1, c.now());
        if (source == null) {
            c.error(Errors.NO_SUCH_KEY);
            return;
        }
        if (r.argEquals(2, source.key())) {
            renameReply(c, nx, false);
            return;
        }
        if (nx && db.lookup(r, 2, c.now()) != null) {
            renameReply(c, nx, false);
            return;
        }
        Object value = source.value();
        long expireAt = source.expireAt();
        db.delete(source);
        db.put(r, 2, value, expireAt, c.now());
        renameReply(c, nx, true);
    }

    /** RENAME says OK whether or not anything moved; RENAMENX says 1 or 0. */
    private static void renameReply(Client c, boolean nx, boolean renamed) {
        if (nx) {
            c.integer(renamed ? 1 : 0);
        } else {
            c.ok();
        }
    }

    /**
     * COPY source destination [DB index] [REPLACE]: 1 when copied, 0 when the source is missing or the target
     * exists and REPLACE was not given.
     */
    static void copy(Client c, RespRequest r) {
        Database source = c.db();
        Database target = source;
        boolean replace = false;
        for (int i = 3; i < r.argc(); i++) {
            if (r.argEqualsIgnoreCase(i, REPLACE)) {
                replace = true;
            } else if (r.argEqualsIgnoreCase(i, DB) && i + 1 < r.argc()) {
                target = databaseArg(c, r, ++i);
                if (target == null) {
                    return;
                }
            } else {
                c.error(Errors.SYNTAX);
                return;
            }
        }
        if (source == target && sameArgs(r, 1, 2)) {
            c.error(Errors.SAME_OBJECT);
            return;
        }
        Entry e = source.lookupRead(r, 1, c.now());
        if (e == null || (!replace && target.lookup(r, 2, c.now()) != null)) {
            c.integer(0);
            return;
        }
        long expireAt = e.expireAt();
        target.put(r, 2, ValueTypes.deepCopy(e.value()), expireAt, c.now());
        c.integer(1);
    }

    /** MOVE key db: 1 when moved, 0 when the key is missing here or already exists there. */
    static void move(Client c, RespRequest r) {
        Database source = c.db();
        Database target = databaseArg(c, r, 2);
        if (target == null) {
            return;
        }
        if (target == source) {
            c.error(Errors.SAME_OBJECT);
            return;
        }
        Entry e = source.lookup(r, 1, c.now());
        if (e == null || target.lookup(r, 1, c.now()) != null) {
            c.integer(0);
            return;
        }
        Object value = e.value();
        long expireAt = e.expireAt();
        source.delete(e);
        target.put(r, 1, value, expireAt, c.now());
        c.integer(1);
    }

    /** The database numbered by argument {@code arg}, or null after replying with Redis's error. */
    private static Database databaseArg(Client c, RespRequest r, int arg) {
        if (!r.argIsLong(arg)) {
            c.error(Errors.NOT_INTEGER);
            return null;
        }
        long index = r.argLong(arg);
        if (index != (int) index) {
            c.error(Errors.NOT_INT_RANGE);
            return null;
        }
        Keyspace keyspace = c.server().keyspace();
        if (index < 0 || index >= keyspace.databaseCount()) {
            c.error(Errors.DB_INDEX);
            return null;
        }
        return keyspace.database((int) index);
    }

    private static boolean sameArgs(RespRequest r, int a, int b) {
        return r.argLength(a) == r.argLength(b) && r.argEquals(a, r.argBytes(b));
    }

    /** KEYS pattern: every live key matching the glob. Expired keys are skipped, not deleted, as in Redis. */
    static void keys(Client c, RespRequest r) {
        byte[] pattern = r.argBytes(1);
        boolean all = Glob.matchesAll(pattern);
        long now = c.now();
        Database db = c.db();
        List<byte[]> keys = new ArrayList<>();
        for (int stripe = 0; stripe < Keyspace.STRIPES; stripe++) {
            db.forEach(stripe, e -> {
                if ((all || Glob.matches(pattern, e.key())) && !expired(e, now)) {
                    keys.add(e.key());
                }
            });
        }
        c.arrayHeader(keys.size());
        for (byte[] key : keys) {
            c.bulk(key);
        }
    }

    /**
     * RANDOMKEY: a live key chosen roughly uniformly (a stripe weighted by its size, then a key in it), or
     * nil. Expired keys met on the way are deleted and another is drawn.
     */
    static void randomkey(Client c, RespRequest r) {
        Database db = c.db();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            long size = db.size();
            if (size == 0) {
                c.nullBulk();
                return;
            }
            long pick = random.nextLong(size);
            int stripe = 0;
            while (pick >= db.stripeSize(stripe)) {
                pick -= db.stripeSize(stripe);
                stripe++;
            }
            Entry e = db.random(stripe, random);
            if (db.lookup(e.key(), c.now()) != null) {
                c.bulk(e.key());
                return;
            }
        }
    }

    private static boolean expired(Entry e, long now) {
        return e.hasExpire() && e.expireAt() <= now;
    }
}
