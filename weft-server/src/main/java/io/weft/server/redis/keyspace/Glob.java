package io.weft.server.redis.keyspace;

/**
 * Redis's glob matching ({@code stringmatchlen}), for KEYS, SCAN MATCH and PSUBSCRIBE: {@code *} any run,
 * {@code ?} one byte, {@code [abc]}, {@code [^abc]} and {@code [a-z]} classes, and {@code \} to quote the
 * next byte. Bytes are compared as bytes, so patterns and subjects are binary-safe.
 *
 * <p>Redis's corners are kept, because clients see them (the differential KEYS tests pin each one):
 * <ul>
 *   <li>the empty subject matches only the empty pattern, so {@code **} does not match the empty key
 *       (a lone {@code *} does, through the callers' match-all shortcut, {@link #matchesAll});</li>
 *   <li>a class ends at the first {@code ]}, so {@code []} matches nothing and {@code [^]} any byte, and a
 *       class left open runs to the end of the pattern;</li>
 *   <li>{@code x-y} is a range whenever two more pattern bytes follow {@code x}, even if {@code y} is the
 *       {@code ]} that would have closed the class ({@code [a-]} is the range {@code ]..a});</li>
 *   <li>range ends compare as C's signed {@code char}, so bytes above 0x7f sort below ASCII;</li>
 *   <li>a {@code \} at the very end is a literal backslash.</li>
 * </ul>
 */
public final class Glob {

    /** Redis caps star recursion so a hostile pattern ("a*a*a*...") cannot blow the stack. */
    private static final int MAX_NESTING = 1000;
    private static final int MATCH = 1;
    private static final int NO_MATCH = 0;
    /**
     * No match, and none is possible for any enclosing star either: the rest of the pattern failed against
     * every later start, so trying a longer run for an earlier star is futile (Redis's
     * {@code skipLongerMatches}, which keeps "*a*a*a*b" against a long run of "a" linear).
     */
    private static final int NEVER = -1;

    private Glob() {
    }

    public static boolean matches(byte[] pattern, byte[] subject) {
        return match(pattern, 0, subject, 0, 0) == MATCH;
    }

    /** Whether {@code pattern} is just {@code *}, which matches everything and needs no per-key work. */
    public static boolean matchesAll(byte[] pattern) {
        return pattern.length == 1 && pattern[0] == '*';
    }

    private static int match(byte[] p, int pi, byte[] s, int si, int nesting) {
        if (nesting > MAX_NESTING) {
            return NO_MATCH;
        }
        while (pi < p.length && si < s.length) {
            switch (p[pi]) {
                case '*' -> {
                    return star(p, pi, s, si, nesting);
                }
                case '?' -> si++;
                case '[' -> {
                    long walked = matchClass(p, pi, s[si]);
                    if ((walked & 1) == 0) {
                        return NO_MATCH;
                    }
                    pi = (int) (walked >>> 1);
                    si++;
                }
                case '\\' -> {
                    if (p.length - pi >= 2) {
                        pi++;
                    }
                    if (p[pi] != s[si]) {
                        return NO_MATCH;
                    }
                    si++;
                }
                default -> {
                    if (p[pi] != s[si]) {
                        return NO_MATCH;
                    }
                    si++;
                }
            }
            pi++;
            if (si == s.length) {
                // The subject is used up: only stars may be left for a match.
                while (pi < p.length && p[pi] == '*') {
                    pi++;
                }
            }
        }
        return pi == p.length && si == s.length ? MATCH : NO_MATCH;
    }

    /** The star at {@code pi}: a trailing star matches the rest; otherwise try the rest at each later start. */
    private static int star(byte[] p, int pi, byte[] s, int si, int nesting) {
        while (pi + 1 < p.length && p[pi + 1] == '*') {
            pi++;
        }
        if (pi + 1 == p.length) {
            return MATCH;
        }
        for (; si < s.length; si++) {
            int result = match(p, pi + 1, s, si, nesting + 1);
            if (result != NO_MATCH) {
                return result;
            }
        }
        return NEVER;
    }

    /**
     * Walks the class opened at {@code open} against byte {@code c}. Returns the index of the class's last
     * pattern byte (its {@code ]}, or the pattern's last byte when left open) shifted left by one, with
     * whether {@code c} matched in the low bit.
     */
    private static long matchClass(byte[] p, int open, byte c) {
        int i = open + 1;
        boolean negate = i < p.length && p[i] == '^';
        if (negate) {
            i++;
        }
        boolean match = false;
        while (true) {
            int left = p.length - i;
            if (left >= 2 && p[i] == '\\') {
                i++;
                match |= p[i] == c;
            } else if (left > 0 && p[i] == ']') {
                break;
            } else if (left == 0) {
                i--;
                break;
            } else if (left >= 3 && p[i + 1] == '-') {
                // Java bytes are signed, as C's char is where Redis runs: the ends compare the same way.
                int low = Math.min(p[i], p[i + 2]);
                int high = Math.max(p[i], p[i + 2]);
                match |= c >= low && c <= high;
                i += 2;
            } else {
                match |= p[i] == c;
            }
            i++;
        }
        return (long) i << 1 | (negate != match ? 1 : 0);
    }
}
