package io.weft.server.redis.keyspace;

/**
 * Redis's glob matching ({@code stringmatchlen}), for KEYS, SCAN MATCH and PSUBSCRIBE: {@code *} any run,
 * {@code ?} one byte, {@code [abc]}, {@code [^abc]} and {@code [a-z]} classes, and {@code \} to quote the
 * next byte. Bytes are compared as bytes, so patterns and subjects are binary-safe.
 */
public final class Glob {

    private Glob() {
    }

    public static boolean matches(byte[] pattern, byte[] subject) {
        return matches(pattern, 0, subject, 0, 0);
    }

    /** Whether {@code pattern} is just {@code *}, which matches everything and needs no per-key work. */
    public static boolean matchesAll(byte[] pattern) {
        return pattern.length == 1 && pattern[0] == '*';
    }

    private static boolean matches(byte[] p, int pi, byte[] s, int si, int depth) {
        // Redis caps recursion to keep a hostile pattern ("a*a*a*...") from blowing the stack.
        if (depth > 1000) {
            return false;
        }
        while (pi < p.length) {
            switch (p[pi]) {
                case '*' -> {
                    while (pi + 1 < p.length && p[pi + 1] == '*') {
                        pi++;
                    }
                    if (pi + 1 == p.length) {
                        return true;
                    }
                    for (int k = si; k <= s.length; k++) {
                        if (matches(p, pi + 1, s, k, depth + 1)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (si == s.length) {
                        return false;
                    }
                    si++;
                    pi++;
                }
                case '[' -> {
                    if (si == s.length) {
                        return false;
                    }
                    int end = classEnd(p, pi);
                    if (!classMatches(p, pi + 1, end, s[si])) {
                        return false;
                    }
                    si++;
                    pi = end < p.length ? end + 1 : end;
                }
                case '\\' -> {
                    if (pi + 1 < p.length) {
                        pi++;
                    }
                    if (si == s.length || p[pi] != s[si]) {
                        return false;
                    }
                    si++;
                    pi++;
                }
                default -> {
                    if (si == s.length || p[pi] != s[si]) {
                        return false;
                    }
                    si++;
                    pi++;
                }
            }
        }
        return si == s.length;
    }

    /** Index of the ']' closing the class opened at {@code open}, or the pattern's length if unclosed. */
    private static int classEnd(byte[] p, int open) {
        int i = open + 1;
        if (i < p.length && p[i] == '^') {
            i++;
        }
        while (i < p.length && p[i] != ']') {
            if (p[i] == '\\' && i + 1 < p.length) {
                i++;
            }
            i++;
        }
        return i;
    }

    private static boolean classMatches(byte[] p, int from, int end, byte c) {
        boolean negate = from < end && p[from] == '^';
        int i = negate ? from + 1 : from;
        boolean match = false;
        while (i < end) {
            if (p[i] == '\\' && i + 1 < end) {
                i++;
                match |= p[i] == c;
                i++;
            } else if (i + 2 < end && p[i + 1] == '-') {
                int lo = p[i] & 0xff;
                int hi = p[i + 2] & 0xff;
                if (lo > hi) {
                    int t = lo;
                    lo = hi;
                    hi = t;
                }
                int v = c & 0xff;
                match |= v >= lo && v <= hi;
                i += 3;
            } else {
                match |= p[i] == c;
                i++;
            }
        }
        return negate != match;
    }
}
