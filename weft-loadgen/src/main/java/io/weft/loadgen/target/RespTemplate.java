package io.weft.loadgen.target;

import io.weft.codec.ByteSink;
import io.weft.codec.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One command to send, parsed from a template such as {@code "SET __key__ __value__"}: its words, encoded
 * once, with {@code __key__} and {@code __value__} filled in per request. A template is written as a RESP
 * array of bulk strings:
 *
 * <pre>
 *   "SET __key__ __value__", key "key:000000000042", value "42:tuv"
 *   *3\r\n $3\r\nSET\r\n $16\r\nkey:000000000042\r\n $6\r\n42:tuv\r\n
 * </pre>
 *
 * @param text         the template with its words single-spaced
 * @param args         each word's bytes; null where {@code placeholders} has one
 * @param placeholders each word's placeholder, or null for a literal word
 * @param expectation  what a correct reply looks like
 * @param keyPrefix    what {@code __key__} starts with ("key:", "list:", ...)
 */
record RespTemplate(String text, byte[][] args, Placeholder[] placeholders, RespExpectation expectation,
        byte[] keyPrefix) {

    static final String KEY = "__key__";
    static final String VALUE = "__value__";

    /** What a placeholder word stands for. */
    enum Placeholder { KEY, VALUE }

    /**
     * Parses a template: words separated by white space, the first the command name, any other word
     * {@code __key__}, {@code __value__} or a literal argument.
     *
     * @throws IllegalArgumentException if the template is blank or starts with a placeholder
     */
    static RespTemplate parse(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException("empty command template");
        }
        if (words[0].equals(KEY) || words[0].equals(VALUE)) {
            throw new IllegalArgumentException("a command template must start with the command name: " + text);
        }
        byte[][] args = new byte[words.length][];
        Placeholder[] placeholders = new Placeholder[words.length];
        for (int i = 0; i < words.length; i++) {
            switch (words[i]) {
                case KEY -> placeholders[i] = Placeholder.KEY;
                case VALUE -> placeholders[i] = Placeholder.VALUE;
                default -> args[i] = words[i].getBytes(StandardCharsets.UTF_8);
            }
        }
        String normalized = String.join(" ", words);
        RespCommands.Entry entry = RespCommands.lookup(words[0]);
        String prefix = entry == null ? RespCommands.STRING_PREFIX : entry.keyPrefix();
        return new RespTemplate(normalized, args, placeholders, RespCommands.expectation(normalized, words.length),
                prefix.getBytes(StandardCharsets.US_ASCII));
    }

    /** The command name in upper case, for labels. */
    String name() {
        return new String(args[0], StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
    }

    boolean usesKey() {
        return Arrays.asList(placeholders).contains(Placeholder.KEY);
    }

    /** This template with another expectation. */
    RespTemplate expecting(RespExpectation e) {
        return new RespTemplate(text, args, placeholders, e, keyPrefix);
    }

    /** Appends the command, {@code key[0, keyLength)} and {@code value} filling the placeholders. */
    void write(ByteSink out, byte[] key, int keyLength, byte[] value) {
        RespWriter.arrayHeader(out, args.length);
        for (int i = 0; i < args.length; i++) {
            if (placeholders[i] == Placeholder.KEY) {
                RespWriter.bulk(out, key, 0, keyLength);
            } else if (placeholders[i] == Placeholder.VALUE) {
                RespWriter.bulk(out, value);
            } else {
                RespWriter.bulk(out, args[i]);
            }
        }
    }
}
