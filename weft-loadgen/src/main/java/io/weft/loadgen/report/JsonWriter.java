package io.weft.loadgen.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Just enough of a streaming JSON writer for the reports: objects, arrays, strings, numbers and
 * booleans, with commas placed automatically. Non-finite numbers become null, as JSON has no NaN.
 */
final class JsonWriter {

    private final Writer out;
    /** Whether the next value in the current container needs a comma before it. */
    private boolean comma;

    JsonWriter(Writer out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        separate();
        put("{");
        comma = false;
        return this;
    }

    JsonWriter endObject() {
        put("}");
        comma = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        put("[");
        comma = false;
        return this;
    }

    JsonWriter endArray() {
        put("]");
        comma = true;
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    JsonWriter name(String name) {
        separate();
        string(name);
        put(":");
        comma = false;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        if (s == null) {
            put("null");
        } else {
            string(s);
        }
        comma = true;
        return this;
    }

    JsonWriter value(long n) {
        separate();
        put(Long.toString(n));
        comma = true;
        return this;
    }

    JsonWriter value(double d) {
        separate();
        if (!Double.isFinite(d)) {
            put("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            put(Long.toString((long) d));
        } else {
            put(Double.toString(d)); // shortest exact form; its "1.0E-5" notation is valid JSON
        }
        comma = true;
        return this;
    }

    JsonWriter value(boolean b) {
        separate();
        put(Boolean.toString(b));
        comma = true;
        return this;
    }

    JsonWriter field(String name, String s) {
        return name(name).value(s);
    }

    JsonWriter field(String name, long n) {
        return name(name).value(n);
    }

    JsonWriter field(String name, double d) {
        return name(name).value(d);
    }

    private void separate() {
        if (comma) {
            put(",");
        }
    }

    private void string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        put(b.append('"').toString());
    }

    private void put(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
