package io.weft.server.redis.commands;

import io.weft.codec.resp.RespDoubles;
import io.weft.codec.resp.RespNumbers;
import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.keyspace.Database;
import io.weft.server.redis.keyspace.Entry;

/**
 * INCR, DECR, INCRBY, DECRBY and INCRBYFLOAT: strings that hold numbers. The value stays a string (its
 * decimal text), as in Redis, so GET and APPEND see what the counter printed. A missing key counts as 0;
 * the key's time to live is kept.
 */
final class StringCounters {

    /**
     * Redis parses INCRBYFLOAT operands with {@code strtold} into a buffer of this many bytes, so longer text is
     * not a number however it reads ({@code MAX_LONG_DOUBLE_CHARS}).
     */
    private static final int MAX_FLOAT_CHARS = 5 * 1024;

    private StringCounters() {
    }

    static void incr(Client c, RespRequest r) {
        incrDecr(c, r, 1);
    }

    static void decr(Client c, RespRequest r) {
        incrDecr(c, r, -1);
    }

    static void incrby(Client c, RespRequest r) {
        if (!r.argIsLong(2)) {
            c.error(Errors.NOT_INTEGER);
            return;
        }
        incrDecr(c, r, r.argLong(2));
    }

    static void decrby(Client c, RespRequest r) {
        if (!r.argIsLong(2)) {
            c.error(Errors.NOT_INTEGER);
            return;
        }
        long decrement = r.argLong(2);
        if (decrement == Long.MIN_VALUE) {
            c.error(Errors.DECREMENT_OVERFLOW); // it has no positive twin to negate into
            return;
        }
        incrDecr(c, r, -decrement);
    }

    /** The four integer counters (Redis's {@code incrDecrCommand}): the stored text must be a 64-bit integer. */
    private static void incrDecr(Client c, RespRequest r, long increment) {
        Database db = c.db();
        Entry e = db.lookup(r, 1, c.now());
        long value = 0;
        if (e != null) {
            if (!(e.value() instanceof byte[] text)) {
                c.error(Errors.WRONG_TYPE);
                return;
            }
            if (!RespNumbers.isLong(text)) {
                c.error(Errors.NOT_INTEGER);
                return;
            }
            value = RespNumbers.toLong(text);
        }
        if ((increment < 0 && value < 0 && increment < Long.MIN_VALUE - value)
                || (increment > 0 && value > 0 && increment > Long.MAX_VALUE - value)) {
            c.error(Errors.OVERFLOW);
            return;
        }
        long result = value + increment;
        store(c, r, e, asciiLong(result));
        c.integer(result);
    }

    /**
     * INCRBYFLOAT. The sum is stored in Redis's human form (no exponent, trailing zeros trimmed) and that same
     * text is the reply, so the reply always equals a later GET. Redis adds 80-bit long doubles; this adds
     * doubles, so see {@link RespDoubles#human} for where the printed digits can differ.
     */
    static void incrbyfloat(Client c, RespRequest r) {
        Database db = c.db();
        Entry e = db.lookup(r, 1, c.now());
        double value = 0;
        if (e != null) {
            if (!(e.value() instanceof byte[] text)) {
                c.error(Errors.WRONG_TYPE);
                return;
            }
            value = text.length < MAX_FLOAT_CHARS ? RespNumbers.toDouble(text) : Double.NaN;
        }
        if (Double.isNaN(value) || r.argLength(2) >= MAX_FLOAT_CHARS || !r.argIsDouble(2)) {
            c.error(Errors.NOT_FLOAT);
            return;
        }
        double sum = value + r.argDouble(2);
        if (Double.isNaN(sum) || Double.isInfinite(sum)) {
            c.error(Errors.NAN_OR_INFINITY);
            return;
        }
        byte[] text = humanText(sum);
        store(c, r, e, text);
        c.bulk(text);
    }

    /**
     * The text {@link io.weft.codec.resp.RespWriter#humanDoubleBulk} writes: integral values below 1e17 as
     * the exact long (the shortest round-trip digits can fall short of it there), the rest via
     * {@link RespDoubles#human}.
     */
    static byte[] humanText(double value) {
        if (RespDoubles.isPlainLong(value) || value == 0) {
            return asciiLong((long) value);
        }
        return RespDoubles.human(value);
    }

    /** Replaces the value, keeping the time to live, or creates the key. */
    private static void store(Client c, RespRequest r, Entry e, byte[] text) {
        if (e == null) {
            c.db().put(r, 1, text, Entry.PERSISTENT, c.now());
        } else {
            c.db().setValue(e, text);
        }
    }

    /** {@code value} in decimal ASCII, written straight into the array that will be stored. */
    static byte[] asciiLong(long value) {
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int length = value < 0 ? digits + 1 : digits;
        byte[] text = new byte[length];
        long rest = value;
        for (int i = length - 1; i >= length - digits; i--) {
            text[i] = (byte) ('0' + Math.abs(rest % 10)); // abs of the remainder, so Long.MIN_VALUE works too
            rest /= 10;
        }
        if (value < 0) {
            text[0] = '-';
        }
        return text;
    }
}
