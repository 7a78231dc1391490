package io.weft.server.redis.commands;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.Errors;

/**
 * The trailing options of SET and GETEX, and the expire-time rules they share with SETEX and PSETEX
 * (Redis's {@code parseExtendedStringArgumentsOrReply} and {@code getExpireMillisecondsOrReply}).
 *
 * <pre>
 *   SET   key value [NX | XX] [GET] [EX s | PX ms | EXAT unix-s | PXAT unix-ms | KEEPTTL]
 *   GETEX key             [EX s | PX ms | EXAT unix-s | PXAT unix-ms | PERSIST]
 * </pre>
 *
 * <p>Keywords match case-insensitively; a keyword may repeat (the last time wins) but never combine with
 * its opposite. A parse is returned as one {@code long}, {@link #INVALID} or the option flags in the low
 * 32 bits and the index of the expire-time argument (0 for none) in the high 32, so the commonest
 * command does not allocate an options object.
 */
final class StringOptions {

    static final int NX = 1;
    static final int XX = 1 << 1;
    static final int GET = 1 << 2;
    static final int KEEPTTL = 1 << 3;
    static final int PERSIST = 1 << 4;
    static final int EX = 1 << 5;
    static final int PX = 1 << 6;
    static final int EXAT = 1 << 7;
    static final int PXAT = 1 << 8;
    static final int EXPIRE = EX | PX | EXAT | PXAT;

    /** A syntax error; nothing has been replied. */
    static final long INVALID = -1;

    private static final byte[][] KEYWORDS = {
        ascii("nx"), ascii("xx"), ascii("get"), ascii("keepttl"), ascii("persist"),
        ascii("ex"), ascii("px"), ascii("exat"), ascii("pxat")
    };

    /** Which command's grammar applies: they share the expire keywords only. */
    enum Grammar { SET, GETEX }

    private StringOptions() {
    }

    /** Parses arguments {@code from..argc-1}; {@link #INVALID} means the caller replies a syntax error. */
    static long parse(RespRequest r, int from, Grammar grammar) {
        int flags = 0;
        int expireArg = 0;
        for (int j = from; j < r.argc(); j++) {
            int option = keyword(r, j);
            if (!allowed(option, flags, grammar, j + 1 < r.argc())) {
                return INVALID;
            }
            flags |= option;
            if ((option & EXPIRE) != 0) {
                expireArg = ++j; // a repeated EX (say) replaces the earlier time
            }
        }
        return ((long) expireArg << 32) | flags;
    }

    static int flags(long parsed) {
        return (int) parsed;
    }

    /** The index of the expire-time argument, or 0 when no EX, PX, EXAT or PXAT was given. */
    static int expireArg(long parsed) {
        return (int) (parsed >>> 32);
    }

    private static int keyword(RespRequest r, int arg) {
        for (int k = 0; k < KEYWORDS.length; k++) {
            if (r.argEqualsIgnoreCase(arg, KEYWORDS[k])) {
                return 1 << k;
            }
        }
        return 0;
    }

    /** Redis's rules: NX and XX exclude each other, and at most one way of setting the time to live. */
    private static boolean allowed(int option, int flags, Grammar grammar, boolean hasValue) {
        boolean set = grammar == Grammar.SET;
        return switch (option) {
            case NX -> set && (flags & XX) == 0;
            case XX -> set && (flags & NX) == 0;
            case GET -> set;
            case KEEPTTL -> set && (flags & (PERSIST | EXPIRE)) == 0;
            case PERSIST -> !set && (flags & (KEEPTTL | EXPIRE)) == 0;
            case EX, PX, EXAT, PXAT -> hasValue && (flags & (KEEPTTL | PERSIST | (EXPIRE & ~option))) == 0;
            default -> false;
        };
    }

    /**
     * The absolute deadline in Unix milliseconds that argument {@code arg} gives under {@code unit} (one of
     * {@link #EX}, {@link #PX}, {@link #EXAT}, {@link #PXAT}), or 0 after replying the error: not an integer,
     * not positive, or overflowing when scaled to milliseconds or added to now.
     *
     * @param command the lower-case command name the error names
     */
    static long deadline(Client c, RespRequest r, int arg, int unit, String command) {
        if (!r.argIsLong(arg)) {
            c.error(Errors.NOT_INTEGER);
            return 0;
        }
        long time = r.argLong(arg);
        boolean seconds = (unit & (EX | EXAT)) != 0;
        if (time <= 0 || (seconds && time > Long.MAX_VALUE / 1000)) {
            c.error(Errors.invalidExpireTime(command));
            return 0;
        }
        if (seconds) {
            time *= 1000;
        }
        if ((unit & (EX | PX)) != 0) {
            // Redis adds in C and checks the sign afterwards; the wrapped sum is negative here the same way.
            time += c.now();
        }
        if (time <= 0) {
            c.error(Errors.invalidExpireTime(command));
            return 0;
        }
        return time;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
