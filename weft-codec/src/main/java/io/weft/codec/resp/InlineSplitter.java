package io.weft.codec.resp;

import java.nio.ByteBuffer;

/**
 * Splits an inline request line into arguments exactly as Redis's {@code sdssplitargs} does.
 *
 * <pre>
 *   set   key   "a \"quoted\"\x41\n"   'it\'s'
 *   ^^^   ^^^   ^^^^^^^^^^^^^^^^^^^^   ^^^^^^^
 *   set   key   a "quoted"A&lt;LF&gt;          it's
 * </pre>
 *
 * <ul>
 *   <li>Arguments are separated by runs of C {@code isspace} bytes (space, \t, \n, \v, \f, \r), but
 *       inside an unquoted argument only space, \t, \n and \r end it.</li>
 *   <li>Double quotes understand {@code \n \r \t \b \a}, {@code \xHH}, and a backslash before any other
 *       byte stands for that byte. Single quotes understand only {@code \'}.</li>
 *   <li>A quote may open in the middle of an argument ({@code a"b c"} is {@code ab c}), but a closing
 *       quote must be followed by a space or the end of the line; that, or a missing closing quote, is the
 *       "unbalanced quotes" error.</li>
 *   <li>Redis works on a C string, so a NUL byte ends the line; here too.</li>
 * </ul>
 */
final class InlineSplitter {

    private InlineSplitter() {
    }

    /**
     * Appends the arguments of {@code in[from, end)} to {@code request}'s inline scratch.
     *
     * @return false when the quotes are unbalanced
     */
    static boolean split(ByteBuffer in, int from, int end, RespRequest request) {
        end = nulOrEnd(in, from, end);
        int p = from;
        while (true) {
            while (p < end && isSpace(in.get(p))) {
                p++;
            }
            if (p >= end) {
                return true;
            }
            int argStart = request.inlineSize();
            p = token(in, p, end, request);
            if (p < 0) {
                return false;
            }
            request.addArg(argStart, request.inlineSize() - argStart);
        }
    }

    /** Reads one argument starting at {@code p}; returns the index after it, or -1 when unbalanced. */
    private static int token(ByteBuffer in, int p, int end, RespRequest request) {
        int quote = 0; // '"', '\'' or 0
        while (true) {
            int c = at(in, p, end);
            if (quote == '"') {
                if (c == '\\' && at(in, p + 1, end) == 'x' && isHex(at(in, p + 2, end)) && isHex(at(in, p + 3, end))) {
                    request.appendInline(Character.digit(at(in, p + 2, end), 16) * 16 + Character.digit(at(in, p + 3, end), 16));
                    p += 3;
                } else if (c == '\\' && at(in, p + 1, end) != 0) {
                    p++;
                    request.appendInline(unescape(at(in, p, end)));
                } else if (c == '"') {
                    return closeQuote(in, p, end);
                } else if (c == 0) {
                    return -1;
                } else {
                    request.appendInline(c);
                }
            } else if (quote == '\'') {
                if (c == '\\' && at(in, p + 1, end) == '\'') {
                    p++;
                    request.appendInline('\'');
                } else if (c == '\'') {
                    return closeQuote(in, p, end);
                } else if (c == 0) {
                    return -1;
                } else {
                    request.appendInline(c);
                }
            } else {
                switch (c) {
                    case ' ', '\n', '\r', '\t', 0 -> {
                        return c == 0 ? p : p + 1;
                    }
                    case '"', '\'' -> quote = c;
                    default -> request.appendInline(c);
                }
            }
            p++;
        }
    }

    /** After a closing quote at {@code p}: only a space or the end may follow. */
    private static int closeQuote(ByteBuffer in, int p, int end) {
        int next = at(in, p + 1, end);
        if (next != 0 && !isSpace((byte) next)) {
            return -1;
        }
        return p + 1;
    }

    private static int unescape(int c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> 7;
            default -> c;
        };
    }

    private static int at(ByteBuffer in, int p, int end) {
        return p < end ? in.get(p) & 0xff : 0;
    }

    private static int nulOrEnd(ByteBuffer in, int from, int end) {
        for (int i = from; i < end; i++) {
            if (in.get(i) == 0) {
                return i;
            }
        }
        return end;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
