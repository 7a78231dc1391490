package io.weft.server.redis.core;

import io.weft.codec.resp.RespRequest;
import java.nio.charset.StandardCharsets;

/** Redis 7.0's error replies, worded exactly as Redis words them (without the leading '-'). */
public final class Errors {

    public static final String WRONG_TYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    public static final String NOT_FLOAT = "ERR value is not a valid float";
    public static final String SYNTAX = "ERR syntax error";
    public static final String NO_SUCH_KEY = "ERR no such key";
    public static final String OVERFLOW = "ERR increment or decrement would overflow";
    public static final String DB_INDEX = "ERR DB index is out of range";
    public static final String NOAUTH = "NOAUTH Authentication required.";
    /** An integer argument read as a C int ({@code getIntFromObjectOrReply}) that does not fit one. */
    public static final String NOT_INT_RANGE =
            "ERR value is out of range, value must between -2147483648 and 2147483647";
    public static final String SAME_OBJECT = "ERR source and destination objects are the same";
    public static final String INVALID_CURSOR = "ERR invalid cursor";
    public static final String EXPIRE_NX_WITH_OTHERS =
            "ERR NX and XX, GT or LT options at the same time are not compatible";
    public static final String EXPIRE_GT_AND_LT = "ERR GT and LT options at the same time are not compatible";

    private static final int ARGS_SHOWN = 128;

    private Errors() {
    }

    public static String wrongArity(CommandSpec spec) {
        return "ERR wrong number of arguments for '" + spec.name() + "' command";
    }

    /** {@code ERR unknown command 'x', with args beginning with: 'a' 'b' }, trimmed as Redis trims it. */
    public static String unknownCommand(RespRequest request) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < request.argc() && args.length() < ARGS_SHOWN; i++) {
            String arg = latin(request, i, ARGS_SHOWN - args.length());
            args.append('\'').append(arg).append("' ");
        }
        return "ERR unknown command '" + latin(request, 0, ARGS_SHOWN) + "', with args beginning with: " + args;
    }

    /** {@code ERR invalid expire time in 'expire' command}: a time that overflows 64-bit milliseconds. */
    public static String invalidExpireTime(String command) {
        return "ERR invalid expire time in '" + command + "' command";
    }

    /** {@code ERR Unsupported option x}, as the EXPIRE family words an unknown flag. */
    public static String unsupportedOption(RespRequest request, int arg) {
        return "ERR Unsupported option " + latin(request, arg, Integer.MAX_VALUE);
    }

    /** {@code ERR unknown subcommand 'x'. Try CONFIG HELP.} */
    public static String unknownSubcommand(RespRequest request, CommandSpec container) {
        return "ERR unknown subcommand '" + latin(request, 1, ARGS_SHOWN) + "'. Try "
                + container.name().toUpperCase(java.util.Locale.ROOT) + " HELP.";
    }

    /**
     * {@code ERR unknown subcommand or wrong number of arguments for 'x'. Try PUBSUB HELP.}: a known
     * subcommand given arguments its arity allows but its body does not (Redis's
     * {@code addReplySubcommandSyntaxError}).
     */
    public static String subcommandSyntax(RespRequest request) {
        return "ERR unknown subcommand or wrong number of arguments for '" + latin(request, 1, ARGS_SHOWN)
                + "'. Try " + asciiUpper(latin(request, 0, ARGS_SHOWN)) + " HELP.";
    }

    /** Upper case as C's {@code toupper} in the C locale: a-z only, other bytes as they are. */
    private static String asciiUpper(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] -= 'a' - 'A';
            }
        }
        return new String(chars);
    }

    /** Up to {@code max} bytes of an argument, each byte one character, as C's {@code %.*s} prints them. */
    static String latin(RespRequest request, int arg, int max) {
        byte[] bytes = request.argBytes(arg);
        return new String(bytes, 0, Math.min(max, bytes.length), StandardCharsets.ISO_8859_1);
    }

    // ---- string commands (t_string.c) ----

    public static final String NAN_OR_INFINITY = "ERR increment would produce NaN or Infinity";
    public static final String STRING_TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
    public static final String OFFSET_OUT_OF_RANGE = "ERR offset is out of range";
    public static final String DECREMENT_OVERFLOW = "ERR decrement would overflow";

    /** The arity error for a count the table's arity cannot express (MSET's odd argument count). */
    public static String wrongArity(String command) {
        return "ERR wrong number of arguments for '" + command + "' command";
    }
}
