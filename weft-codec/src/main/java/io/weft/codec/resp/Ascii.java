package io.weft.codec.resp;

/** ASCII case folding without locale or allocation, as Redis's {@code strcasecmp} does in the C locale. */
final class Ascii {

    private Ascii() {
    }

    static int toLower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
