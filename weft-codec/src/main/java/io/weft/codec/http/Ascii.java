package io.weft.codec.http;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;

/** Byte-level comparisons for header names and values, made in place on the input without decoding it. */
final class Ascii {

    static final byte[] CONTENT_LENGTH = bytes("content-length");
    static final byte[] TRANSFER_ENCODING = bytes("transfer-encoding");
    static final byte[] CONNECTION = bytes("connection");
    static final byte[] CHUNKED = bytes("chunked");
    static final byte[] CLOSE = bytes("close");
    static final byte[] KEEP_ALIVE = bytes("keep-alive");

    /** RFC 9110 tchar: the characters a field name or a method may hold. */
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private Ascii() {
    }

    private static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }

    static boolean isTokenChar(int b) {
        return b >= 0 && b < 128 && TOKEN[b];
    }

    /** Whether {@code in[from, to)} equals {@code lower}, which is lower case, ignoring ASCII case. */
    static boolean equalsIgnoreCase(ByteBuffer in, int from, int to, byte[] lower) {
        if (to - from != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            if (toLower(in.get(from + i)) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the comma-separated list {@code in[from, to)} has the element {@code lower}, ignoring case. */
    static boolean containsToken(ByteBuffer in, int from, int to, byte[] lower) {
        int i = from;
        while (i < to) {
            while (i < to && (in.get(i) == ' ' || in.get(i) == '\t' || in.get(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < to && in.get(i) != ',') {
                i++;
            }
            int end = i;
            while (end > start && (in.get(end - 1) == ' ' || in.get(end - 1) == '\t')) {
                end--;
            }
            if (end > start && equalsIgnoreCase(in, start, end, lower)) {
                return true;
            }
        }
        return false;
    }

    private static int toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }
}
