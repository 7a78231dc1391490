package io.weft.server.redis.commands;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.keyspace.Database;
import io.weft.server.redis.keyspace.Entry;
import io.weft.server.redis.keyspace.Glob;
import io.weft.server.redis.keyspace.Keyspace;
import java.util.ArrayList;
import java.util.List;

/**
 * SCAN over a whole database, whose keys live in {@value Keyspace#STRIPES} tables, one per lock stripe.
 *
 * <p>The cursor a client sees names a stripe and a position inside that stripe's table:
 * <pre>
 *  63                                 6 5        0
 * +------------------------------------+----------+
 * |  table cursor (KeyTable.scan)       |  stripe  |
 * +------------------------------------+----------+
 * </pre>
 * Stripes are walked in ascending order, each from table cursor 0 until its table reports 0. The table
 * cursor counts in reverse bit order (see {@code KeyTable}), which is what keeps SCAN's promise inside a
 * stripe when its table grows or shrinks between calls; stripes themselves never change, so the promise
 * holds for the whole database: every key present from the first call to the last is returned at least
 * once. Keys may be returned more than once.
 */
public final class KeyScan {

    private static final int STRIPE_BITS = Integer.numberOfTrailingZeros(Keyspace.STRIPES);
    private static final long STRIPE_MASK = Keyspace.STRIPES - 1;
    private static final int DEFAULT_COUNT = 10;
    /** Redis visits at most ten buckets per key asked for, so a sparse MATCH cannot stall the server. */
    private static final int BUCKETS_PER_COUNT = 10;
    private static final byte[] COUNT = {'c', 'o', 'u', 'n', 't'};
    private static final byte[] MATCH = {'m', 'a', 't', 'c', 'h'};
    private static final byte[] TYPE = {'t', 'y', 'p', 'e'};
    /** strtoul's limit divided by ten: one more digit after this overflows. */
    private static final long UNSIGNED_TENTH = Long.divideUnsigned(-1L, 10);

    private KeyScan() {
    }

    /**
     * One SCAN step: appends to {@code into} the entries (expired ones included) of buckets from
     * {@code cursor} on, until at least {@code count} are collected or {@code count * 10} buckets were
     * visited, and returns the cursor to continue from, 0 when the database is done. Empty stripes are
     * skipped without counting against the budget. Needs every stripe's lock.
     */
    public static long step(Database db, long cursor, long count, List<Entry> into) {
        int stripe = (int) (cursor & STRIPE_MASK);
        long tableCursor = cursor >>> STRIPE_BITS;
        long budget = count > Long.MAX_VALUE / BUCKETS_PER_COUNT ? Long.MAX_VALUE : count * BUCKETS_PER_COUNT;
        while (true) {
            if (db.stripeSize(stripe) > 0) {
                tableCursor = db.scan(stripe, tableCursor, into::add);
                budget--;
            } else {
                tableCursor = 0;
            }
            if (tableCursor == 0 && ++stripe == Keyspace.STRIPES) {
                return 0;
            }
            if (into.size() >= count || budget <= 0) {
                return tableCursor << STRIPE_BITS | stripe;
            }
        }
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. */
    static void scan(Client c, RespRequest r) {
        if (!isValidCursor(r, 1)) {
            c.error(Errors.INVALID_CURSOR);
            return;
        }
        long cursor = cursorValue(r, 1);
        long count = DEFAULT_COUNT;
        byte[] pattern = null;
        int typeArg = 0;
        for (int i = 2; i < r.argc(); i += 2) {
            boolean hasValue = i + 1 < r.argc();
            if (hasValue && r.argEqualsIgnoreCase(i, COUNT)) {
                if (!r.argIsLong(i + 1)) {
                    c.error(Errors.NOT_INTEGER);
                    return;
                }
                count = r.argLong(i + 1);
                if (count < 1) {
                    c.error(Errors.SYNTAX);
                    return;
                }
            } else if (hasValue && r.argEqualsIgnoreCase(i, MATCH)) {
                pattern = r.argBytes(i + 1);
            } else if (hasValue && r.argEqualsIgnoreCase(i, TYPE)) {
                typeArg = i + 1;
            } else {
                c.error(Errors.SYNTAX);
                return;
            }
        }
        List<Entry> found = new ArrayList<>();
        long next = step(c.db(), cursor, count, found);
        List<byte[]> keys = filter(c, r, found, pattern, typeArg);
        c.arrayHeader(2);
        c.bulk(Long.toUnsignedString(next));
        c.arrayHeader(keys.size());
        for (byte[] key : keys) {
            c.bulk(key);
        }
    }

    /**
     * The keys that match the pattern, are live and have the wanted type. As in Redis, a key that passed the
     * pattern but has expired is deleted on the way.
     */
    private static List<byte[]> filter(Client c, RespRequest r, List<Entry> found, byte[] pattern, int typeArg) {
        boolean allMatch = pattern == null || Glob.matchesAll(pattern);
        Database db = c.db();
        List<byte[]> keys = new ArrayList<>(found.size());
        for (Entry e : found) {
            if (!allMatch && !Glob.matches(pattern, e.key())) {
                continue;
            }
            Entry live = db.lookup(e.key(), c.now());
            if (live == null) {
                continue;
            }
            if (typeArg != 0 && !r.argEqualsIgnoreCase(typeArg, typeNameBytes(live.value()))) {
                continue;
            }
            keys.add(e.key());
        }
        return keys;
    }

    private static byte[] typeNameBytes(Object value) {
        return ValueTypes.typeName(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Whether the argument is a cursor by Redis's rule, C's {@code strtoul} in base 10 consuming the whole
     * string: no leading space, an optional sign, digits without overflow. A minus sign negates modulo
     * 2<sup>64</sup>, and the empty string is cursor 0, both as in Redis. The string ends at a NUL byte.
     */
    static boolean isValidCursor(RespRequest r, int arg) {
        int end = cStringLength(r, arg);
        if (end == 0) {
            return true;
        }
        if (isSpace(r.argByte(arg, 0))) {
            return false;
        }
        int i = signLength(r, arg, end);
        if (i == end) {
            return false;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = r.argByte(arg, i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (Long.compareUnsigned(value, UNSIGNED_TENTH) > 0 || (value == UNSIGNED_TENTH && digit > 5)) {
                return false;
            }
            value = value * 10 + digit;
        }
        return true;
    }

    /** The cursor's value; call only when {@link #isValidCursor} holds. */
    static long cursorValue(RespRequest r, int arg) {
        int end = cStringLength(r, arg);
        int i = signLength(r, arg, end);
        long value = 0;
        for (; i < end; i++) {
            value = value * 10 + (r.argByte(arg, i) - '0');
        }
        boolean negative = end > 0 && r.argByte(arg, 0) == '-';
        return negative ? -value : value;
    }

    private static int signLength(RespRequest r, int arg, int end) {
        return end > 0 && (r.argByte(arg, 0) == '+' || r.argByte(arg, 0) == '-') ? 1 : 0;
    }

    /** Redis reads the cursor as a C string, so it stops at the first NUL byte. */
    private static int cStringLength(RespRequest r, int arg) {
        int length = r.argLength(arg);
        for (int i = 0; i < length; i++) {
            if (r.argByte(arg, i) == 0) {
                return i;
            }
        }
        return length;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }
}
