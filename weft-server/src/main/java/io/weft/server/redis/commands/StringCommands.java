package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.DENYOOM;
import static io.weft.server.redis.core.Flag.FAST;
import static io.weft.server.redis.core.Flag.READONLY;
import static io.weft.server.redis.core.Flag.WRITE;

import io.weft.codec.resp.RespConstant;
import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespWriter;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.Command;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.core.Flag;
import io.weft.server.redis.keyspace.Database;
import io.weft.server.redis.keyspace.Entry;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * String commands, as Redis's {@code t_string.c}: values are binary-safe {@code byte[]}. The counters
 * (INCR and friends) live in {@link StringCounters}, the SET/GETEX option grammar in {@link StringOptions}.
 *
 * <p>A stored {@code byte[]} is never changed in place: APPEND and SETRANGE store a new array. That lets
 * any command share a value between keys or hand it to a reply without a defensive copy.
 */
final class StringCommands {

    /** Java's practical array limit, below which proto-max-bulk-len must fit for APPEND and SETRANGE. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private StringCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of(
                read("get", 2, true, "1.0.0", "Get the value of a key", StringCommands::get),
                write("set", -3, false, "1.0.0", "Set the string value of a key", StringCommands::set),
                write("setnx", 3, true, "1.0.0", "Set the value of a key, only if the key does not exist",
                        StringCommands::setnx),
                write("setex", 4, false, "2.0.0", "Set the value and expiration of a key", StringCommands::setex),
                write("psetex", 4, false, "2.6.0", "Set the value and expiration in milliseconds of a key",
                        StringCommands::psetex),
                CommandSpec.keyed("mget", -2, Set.of(READONLY, FAST), 1, -1, 1, "string", "1.0.0",
                        "Get the values of all the given keys", StringCommands::mget),
                CommandSpec.keyed("mset", -3, Set.of(WRITE, DENYOOM), 1, -1, 2, "string", "1.0.1",
                        "Set multiple keys to multiple values", StringCommands::mset),
                CommandSpec.keyed("msetnx", -3, Set.of(WRITE, DENYOOM), 1, -1, 2, "string", "1.0.1",
                        "Set multiple keys to multiple values, only if none of the keys exist",
                        StringCommands::msetnx),
                write("getset", 3, true, "1.0.0", "Set the string value of a key and return its old value",
                        StringCommands::getset),
                CommandSpec.keyed("getdel", 2, Set.of(WRITE, FAST), 1, 1, 1, "string", "6.2.0",
                        "Get the value of a key and delete the key", StringCommands::getdel),
                CommandSpec.keyed("getex", -2, Set.of(WRITE, FAST), 1, 1, 1, "string", "6.2.0",
                        "Get the value of a key and optionally set its expiration", StringCommands::getex),
                write("append", 3, true, "2.0.0", "Append a value to a key", StringCommands::append),
                read("strlen", 2, true, "2.2.0", "Get the length of the value stored in a key",
                        StringCommands::strlen),
                read("getrange", 4, false, "2.4.0", "Get a substring of the string stored at a key",
                        StringCommands::getrange),
                read("substr", 4, false, "1.0.0", "Get a substring of the string stored at a key",
                        StringCommands::getrange),
                write("setrange", 4, false, "2.2.0",
                        "Overwrite part of a string at key starting at the specified offset", StringCommands::setrange),
                write("incr", 2, true, "1.0.0", "Increment the integer value of a key by one", StringCounters::incr),
                write("decr", 2, true, "1.0.0", "Decrement the integer value of a key by one", StringCounters::decr),
                write("incrby", 3, true, "1.0.0", "Increment the integer value of a key by the given amount",
                        StringCounters::incrby),
                write("decrby", 3, true, "1.0.0", "Decrement the integer value of a key by the given number",
                        StringCounters::decrby),
                write("incrbyfloat", 3, true, "2.6.0", "Increment the float value of a key by the given amount",
                        StringCounters::incrbyfloat));
    }

    /** A single-key read, as most string reads are. */
    private static CommandSpec read(String name, int arity, boolean fast, String since, String summary,
                                    Command body) {
        Set<Flag> flags = fast ? Set.of(READONLY, FAST) : Set.of(READONLY);
        return CommandSpec.keyed(name, arity, flags, 1, 1, 1, "string", since, summary, body);
    }

    /** A single-key write that may grow memory (Redis's {@code write denyoom}). */
    private static CommandSpec write(String name, int arity, boolean fast, String since, String summary,
                                     Command body) {
        Set<Flag> flags = fast ? Set.of(WRITE, DENYOOM, FAST) : Set.of(WRITE, DENYOOM);
        return CommandSpec.keyed(name, arity, flags, 1, 1, 1, "string", since, summary, body);
    }

    // ---- GET and SET ----

    static void get(Client c, RespRequest r) {
        replyString(c, c.db().lookupRead(r, 1, c.now()));
    }

    /**
     * Replies the string in {@code e}, or null when there is none (Redis's {@code getGenericCommand}).
     * Returns false after a WRONGTYPE error, so a command can stop before it changes anything.
     */
    static boolean replyString(Client c, Entry e) {
        if (e == null) {
            c.nullBulk();
            return true;
        }
        if (e.value() instanceof byte[] value) {
            c.bulk(value);
            return true;
        }
        c.error(Errors.WRONG_TYPE);
        return false;
    }

    static void set(Client c, RespRequest r) {
        long parsed = r.argc() == 3 ? 0 : StringOptions.parse(r, 3, StringOptions.Grammar.SET);
        if (parsed == StringOptions.INVALID) {
            c.error(Errors.SYNTAX);
            return;
        }
        int flags = StringOptions.flags(parsed);
        setGeneric(c, r, flags, 2, StringOptions.expireArg(parsed), "set", RespConstant.OK, null);
    }

    static void setnx(Client c, RespRequest r) {
        setGeneric(c, r, StringOptions.NX, 2, 0, "setnx", RespConstant.ONE, RespConstant.ZERO);
    }

    static void setex(Client c, RespRequest r) {
        setGeneric(c, r, StringOptions.EX, 3, 2, "setex", RespConstant.OK, null);
    }

    static void psetex(Client c, RespRequest r) {
        setGeneric(c, r, StringOptions.PX, 3, 2, "psetex", RespConstant.OK, null);
    }

    /**
     * What SET, SETNX, SETEX and PSETEX have in common: Redis's {@code setGenericCommand}. The key is argument
     * 1; {@code expireArg} is 0 for no time to live, and its unit is the EX/PX/EXAT/PXAT bit in {@code flags}.
     * With GET the old value is the reply, whether or not NX or XX let the write happen.
     *
     * @param abortReply the reply when NX or XX stops the write; null for a null bulk
     */
    private static void setGeneric(Client c, RespRequest r, int flags, int valueArg, int expireArg, String command,
                                   RespConstant okReply, RespConstant abortReply) {
        long deadline = Entry.PERSISTENT;
        if (expireArg != 0) {
            deadline = StringOptions.deadline(c, r, expireArg, flags & StringOptions.EXPIRE, command);
            if (deadline == 0) {
                return;
            }
        }
        Database db = c.db();
        boolean get = (flags & StringOptions.GET) != 0;
        Entry old = null;
        if ((flags & (StringOptions.GET | StringOptions.NX | StringOptions.XX | StringOptions.KEEPTTL)) != 0) {
            old = get ? db.lookupRead(r, 1, c.now()) : db.lookup(r, 1, c.now());
            if (get && !replyString(c, old)) {
                return;
            }
        }
        if (((flags & StringOptions.NX) != 0 && old != null) || ((flags & StringOptions.XX) != 0 && old == null)) {
            if (!get) {
                replyConstantOrNull(c, abortReply);
            }
            return;
        }
        if ((flags & StringOptions.KEEPTTL) != 0 && old != null) {
            deadline = old.expireAt();
        }
        db.put(r, 1, r.argBytes(valueArg), deadline, c.now());
        if (!get) {
            c.constant(okReply);
        }
    }

    private static void replyConstantOrNull(Client c, RespConstant reply) {
        if (reply == null) {
            c.nullBulk();
        } else {
            c.constant(reply);
        }
    }

    // ---- GETSET, GETDEL, GETEX ----

    static void getset(Client c, RespRequest r) {
        if (replyString(c, c.db().lookupRead(r, 1, c.now()))) {
            c.db().put(r, 1, r.argBytes(2), Entry.PERSISTENT, c.now());
        }
    }

    static void getdel(Client c, RespRequest r) {
        Entry e = c.db().lookupRead(r, 1, c.now());
        if (replyString(c, e) && e != null) {
            c.db().delete(e);
        }
    }

    /**
     * GETEX: the value, then the new time to live. The key is looked up before the time is checked, so a
     * missing key answers null even to a bad time, as in Redis.
     */
    static void getex(Client c, RespRequest r) {
        long parsed = StringOptions.parse(r, 2, StringOptions.Grammar.GETEX);
        if (parsed == StringOptions.INVALID) {
            c.error(Errors.SYNTAX);
            return;
        }
        Database db = c.db();
        Entry e = db.lookupRead(r, 1, c.now());
        if (e == null) {
            c.nullBulk();
            return;
        }
        if (!(e.value() instanceof byte[] value)) {
            c.error(Errors.WRONG_TYPE);
            return;
        }
        int flags = StringOptions.flags(parsed);
        int expireArg = StringOptions.expireArg(parsed);
        long deadline = 0;
        if (expireArg != 0) {
            deadline = StringOptions.deadline(c, r, expireArg, flags & StringOptions.EXPIRE, "getex");
            if (deadline == 0) {
                return;
            }
        }
        c.bulk(value);
        if (expireArg != 0 && deadline <= c.now()) {
            db.delete(e); // an EXAT/PXAT already past: Redis deletes rather than leave a dead key behind
        } else if (expireArg != 0) {
            db.setExpire(e, deadline);
        } else if ((flags & StringOptions.PERSIST) != 0 && e.hasExpire()) {
            db.setExpire(e, Entry.PERSISTENT);
        }
    }

    // ---- MGET, MSET, MSETNX ----

    /** MGET: a key holding another type reads as missing, not as an error. */
    static void mget(Client c, RespRequest r) {
        Database db = c.db();
        c.arrayHeader(r.argc() - 1);
        for (int i = 1; i < r.argc(); i++) {
            Entry e = db.lookupRead(r, i, c.now());
            if (e != null && e.value() instanceof byte[] value) {
                c.bulk(value);
            } else {
                c.nullBulk();
            }
        }
    }

    static void mset(Client c, RespRequest r) {
        msetGeneric(c, r, false, "mset");
    }

    static void msetnx(Client c, RespRequest r) {
        msetGeneric(c, r, true, "msetnx");
    }

    /**
     * MSET and MSETNX. The dispatcher holds every key's stripe, so the whole batch is one atomic step; with
     * {@code nx}, one existing key (of any type) stops it all.
     */
    private static void msetGeneric(Client c, RespRequest r, boolean nx, String command) {
        if (r.argc() % 2 == 0) {
            c.error(Errors.wrongArity(command));
            return;
        }
        Database db = c.db();
        if (nx) {
            for (int i = 1; i < r.argc(); i += 2) {
                if (db.lookup(r, i, c.now()) != null) {
                    c.constant(RespConstant.ZERO);
                    return;
                }
            }
        }
        for (int i = 1; i < r.argc(); i += 2) {
            db.put(r, i, r.argBytes(i + 1), Entry.PERSISTENT, c.now());
        }
        c.constant(nx ? RespConstant.ONE : RespConstant.OK);
    }

    // ---- APPEND, STRLEN ----

    /** APPEND keeps the key's time to live. */
    static void append(Client c, RespRequest r) {
        Database db = c.db();
        Entry e = db.lookup(r, 1, c.now());
        if (e == null) {
            byte[] value = r.argBytes(2);
            db.put(r, 1, value, Entry.PERSISTENT, c.now());
            c.integer(value.length);
            return;
        }
        if (!(e.value() instanceof byte[] old)) {
            c.error(Errors.WRONG_TYPE);
            return;
        }
        int added = r.argLength(2);
        if (!fitsStringLimit(c, old.length, added)) {
            return;
        }
        byte[] value = Arrays.copyOf(old, old.length + added);
        System.arraycopy(r.argBytes(2), 0, value, old.length, added);
        db.setValue(e, value);
        c.integer(value.length);
    }

    static void strlen(Client c, RespRequest r) {
        Entry e = c.db().lookupRead(r, 1, c.now());
        if (e == null) {
            c.constant(RespConstant.ZERO);
        } else if (e.value() instanceof byte[] value) {
            c.integer(value.length);
        } else {
            c.error(Errors.WRONG_TYPE);
        }
    }

    // ---- GETRANGE (and SUBSTR), SETRANGE ----

    /**
     * GETRANGE and SUBSTR: inclusive {@code start..end}, negative indices counting from the end, clamped to
     * the string; an empty range (or a missing key) is an empty string, never null.
     */
    static void getrange(Client c, RespRequest r) {
        if (!r.argIsLong(2) || !r.argIsLong(3)) {
            c.error(Errors.NOT_INTEGER);
            return;
        }
        long start = r.argLong(2);
        long end = r.argLong(3);
        Entry e = c.db().lookupRead(r, 1, c.now());
        if (e == null) {
            c.constant(RespConstant.EMPTY_BULK);
            return;
        }
        if (!(e.value() instanceof byte[] value)) {
            c.error(Errors.WRONG_TYPE);
            return;
        }
        long length = value.length;
        if (start < 0 && end < 0 && start > end) {
            c.constant(RespConstant.EMPTY_BULK);
            return;
        }
        start = Math.max(0, start < 0 ? length + start : start);
        end = Math.min(length - 1, Math.max(0, end < 0 ? length + end : end));
        if (start > end || length == 0) {
            c.constant(RespConstant.EMPTY_BULK);
        } else {
            RespWriter.bulk(c.out(), value, (int) start, (int) (end - start + 1));
        }
    }

    /**
     * SETRANGE: writes the argument at {@code offset}, zero-padding the string up to it. Writing nothing
     * changes nothing (and creates no key), but still reports the length.
     */
    static void setrange(Client c, RespRequest r) {
        if (!r.argIsLong(2)) {
            c.error(Errors.NOT_INTEGER);
            return;
        }
        long offset = r.argLong(2);
        if (offset < 0) {
            c.error(Errors.OFFSET_OUT_OF_RANGE);
            return;
        }
        Database db = c.db();
        int added = r.argLength(3);
        Entry e = db.lookup(r, 1, c.now());
        byte[] old;
        if (e == null) {
            old = new byte[0];
        } else if (e.value() instanceof byte[] value) {
            old = value;
        } else {
            c.error(Errors.WRONG_TYPE);
            return;
        }
        if (added == 0) {
            c.integer(old.length);
            return;
        }
        if (!fitsStringLimit(c, offset, added)) {
            return;
        }
        byte[] value = Arrays.copyOf(old, (int) Math.max(old.length, offset + added));
        System.arraycopy(r.argBytes(3), 0, value, (int) offset, added);
        if (e == null) {
            db.put(r, 1, value, Entry.PERSISTENT, c.now());
        } else {
            db.setValue(e, value);
        }
        c.integer(value.length);
    }

    /**
     * Whether a string of {@code length + added} bytes is allowed (Redis's {@code checkStringLength}: at most
     * proto-max-bulk-len, and no overflow); replies the error when not.
     */
    private static boolean fitsStringLimit(Client c, long length, long added) {
        long max = Math.min(c.server().config().limits().maxBulkLength(), MAX_ARRAY);
        if (length > max - added) {
            c.error(Errors.STRING_TOO_LONG);
            return false;
        }
        return true;
    }
}
