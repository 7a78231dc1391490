package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.FAST;
import static io.weft.server.redis.core.Flag.READONLY;
import static io.weft.server.redis.core.Flag.WRITE;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.Command;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.keyspace.Entry;
import java.util.List;
import java.util.Set;

/**
 * Time-to-live commands, as Redis's {@code expire.c}: EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (with NX, XX, GT,
 * LT), TTL, PTTL, EXPIRETIME, PEXPIRETIME and PERSIST. Deadlines are absolute Unix milliseconds; the
 * relative forms add the command's fixed time, {@link Client#now()}.
 */
final class ExpireCommands {

    private static final int NX = 1;
    private static final int XX = 2;
    private static final int GT = 4;
    private static final int LT = 8;
    private static final byte[][] CONDITION_NAMES = {{'n', 'x'}, {'x', 'x'}, {'g', 't'}, {'l', 't'}};
    private static final int[] CONDITION_BITS = {NX, XX, GT, LT};

    private static final long SECONDS = 1000;
    private static final long MILLISECONDS = 1;
    /** The relative forms count from now; the absolute ones from the epoch. */
    private static final boolean RELATIVE = true;
    private static final boolean ABSOLUTE = false;

    private ExpireCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of(
                setter("expire", "1.0.0", "Sets the expiration time of a key in seconds.",
                        ExpireCommands::expire),
                setter("pexpire", "2.6.0", "Sets the expiration time of a key in milliseconds.",
                        ExpireCommands::pexpire),
                setter("expireat", "1.2.0", "Sets the expiration time of a key to a Unix timestamp.",
                        ExpireCommands::expireat),
                setter("pexpireat", "2.6.0", "Sets the expiration time of a key to a Unix milliseconds timestamp.",
                        ExpireCommands::pexpireat),
                reader("ttl", "1.0.0", "Returns the expiration time in seconds of a key.", ExpireCommands::ttl),
                reader("pttl", "2.6.0", "Returns the expiration time in milliseconds of a key.",
                        ExpireCommands::pttl),
                reader("expiretime", "7.0.0", "Returns the expiration time of a key as a Unix timestamp.",
                        ExpireCommands::expiretime),
                reader("pexpiretime", "7.0.0",
                        "Returns the expiration time of a key as a Unix milliseconds timestamp.",
                        ExpireCommands::pexpiretime),
                CommandSpec.keyed("persist", 2, Set.of(WRITE, FAST), 1, 1, 1, "generic", "2.2.0",
                        "Removes the expiration time of a key.", ExpireCommands::persist));
    }

    private static CommandSpec setter(String name, String since, String summary,
                                      Command body) {
        return CommandSpec.keyed(name, -3, Set.of(WRITE, FAST), 1, 1, 1, "generic", since, summary, body);
    }

    private static CommandSpec reader(String name, String since, String summary,
                                      Command body) {
        return CommandSpec.keyed(name, 2, Set.of(READONLY, FAST), 1, 1, 1, "generic", since, summary, body);
    }

    static void expire(Client c, RespRequest r) {
        setExpireGeneric(c, r, "expire", RELATIVE, SECONDS);
    }

    static void pexpire(Client c, RespRequest r) {
        setExpireGeneric(c, r, "pexpire", RELATIVE, MILLISECONDS);
    }

    static void expireat(Client c, RespRequest r) {
        setExpireGeneric(c, r, "expireat", ABSOLUTE, SECONDS);
    }

    static void pexpireat(Client c, RespRequest r) {
        setExpireGeneric(c, r, "pexpireat", ABSOLUTE, MILLISECONDS);
    }

    /**
     * {@code key time [NX|XX|GT|LT ...]}. As in Redis the options are checked before the time, and a
     * deadline already past deletes the key (and still replies 1).
     */
    private static void setExpireGeneric(Client c, RespRequest r, String name, boolean relative, long unit) {
        int conditions = parseConditions(c, r);
        if (conditions < 0) {
            return;
        }
        if (!r.argIsLong(2)) {
            c.error(Errors.NOT_INTEGER);
            return;
        }
        long when = r.argLong(2);
        long base = relative ? c.now() : 0;
        if (when > Long.MAX_VALUE / unit || when < Long.MIN_VALUE / unit || when * unit > Long.MAX_VALUE - base) {
            c.error(Errors.invalidExpireTime(name));
            return;
        }
        when = when * unit + base;
        Entry e = c.db().lookup(r, 1, c.now());
        if (e == null || !conditionsHold(conditions, e, when)) {
            c.integer(0);
            return;
        }
        if (when <= c.now()) {
            c.db().delete(e);
        } else {
            c.db().setExpire(e, when);
        }
        c.integer(1);
    }

    /** The NX/XX/GT/LT bits of arguments 3 and on, or -1 after replying with the error. */
    private static int parseConditions(Client c, RespRequest r) {
        int conditions = 0;
        for (int i = 3; i < r.argc(); i++) {
            int bit = conditionBit(r, i);
            if (bit == 0) {
                c.error(Errors.unsupportedOption(r, i));
                return -1;
            }
            conditions |= bit;
        }
        if ((conditions & NX) != 0 && (conditions & (XX | GT | LT)) != 0) {
            c.error(Errors.EXPIRE_NX_WITH_OTHERS);
            return -1;
        }
        if ((conditions & (GT | LT)) == (GT | LT)) {
            c.error(Errors.EXPIRE_GT_AND_LT);
            return -1;
        }
        return conditions;
    }

    private static int conditionBit(RespRequest r, int arg) {
        for (int k = 0; k < CONDITION_NAMES.length; k++) {
            if (r.argEqualsIgnoreCase(arg, CONDITION_NAMES[k])) {
                return CONDITION_BITS[k];
            }
        }
        return 0;
    }

    /** Whether the key's current deadline lets {@code when} be set; no deadline counts as infinitely far. */
    private static boolean conditionsHold(int conditions, Entry e, long when) {
        boolean has = e.hasExpire();
        long current = e.expireAt();
        if ((conditions & NX) != 0 && has) {
            return false;
        }
        if ((conditions & XX) != 0 && !has) {
            return false;
        }
        if ((conditions & GT) != 0 && (!has || when <= current)) {
            return false;
        }
        return (conditions & LT) == 0 || !has || when < current;
    }

    static void ttl(Client c, RespRequest r) {
        ttlGeneric(c, r, false, false);
    }

    static void pttl(Client c, RespRequest r) {
        ttlGeneric(c, r, true, false);
    }

    static void expiretime(Client c, RespRequest r) {
        ttlGeneric(c, r, false, true);
    }

    static void pexpiretime(Client c, RespRequest r) {
        ttlGeneric(c, r, true, true);
    }

    /** -2 for a missing key, -1 for one without a deadline, else the time left (or the deadline itself). */
    private static void ttlGeneric(Client c, RespRequest r, boolean millis, boolean absolute) {
        Entry e = c.db().lookupRead(r, 1, c.now());
        if (e == null) {
            c.integer(-2);
            return;
        }
        if (!e.hasExpire()) {
            c.integer(-1);
            return;
        }
        long value = Math.max(0, absolute ? e.expireAt() : e.expireAt() - c.now());
        // Seconds are rounded to the nearest, as Redis does, so a fresh EXPIRE k 10 reads back as 10. The sum
        // is divided as unsigned because Redis's arithmetic does not wrap for a deadline near Long.MAX_VALUE.
        c.integer(millis ? value : Long.divideUnsigned(value + 500, 1000));
    }

    static void persist(Client c, RespRequest r) {
        Entry e = c.db().lookup(r, 1, c.now());
        if (e == null || !e.hasExpire()) {
            c.integer(0);
            return;
        }
        c.db().setExpire(e, Entry.PERSISTENT);
        c.integer(1);
    }
}
