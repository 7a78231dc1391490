package io.weft.loadgen.target;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The commands {@code --ratio} knows by name: for each, the template it sends, the reply it expects, and
 * the prefix of its keys. Each data type gets its own prefix so that a mix never runs a list command on a
 * string key and gets WRONGTYPE errors by design.
 */
final class RespCommands {

    /** The prefix of string keys, the ones SET writes and GET reads. */
    static final String STRING_PREFIX = "key:";

    private static final List<Entry> TABLE = List.of(
            new Entry("set", "SET __key__ __value__", RespExpectation.OK, STRING_PREFIX),
            new Entry("get", "GET __key__", RespExpectation.VALUE_OR_NIL, STRING_PREFIX),
            new Entry("del", "DEL __key__", RespExpectation.INTEGER, STRING_PREFIX),
            new Entry("exists", "EXISTS __key__", RespExpectation.INTEGER, STRING_PREFIX),
            new Entry("ping", "PING", RespExpectation.PONG, STRING_PREFIX),
            new Entry("incr", "INCR __key__", RespExpectation.INTEGER, "counter:"),
            new Entry("lpush", "LPUSH __key__ __value__", RespExpectation.INTEGER, "list:"),
            new Entry("rpush", "RPUSH __key__ __value__", RespExpectation.INTEGER, "list:"),
            new Entry("lpop", "LPOP __key__", RespExpectation.BULK_OR_NIL, "list:"),
            new Entry("rpop", "RPOP __key__", RespExpectation.BULK_OR_NIL, "list:"),
            new Entry("sadd", "SADD __key__ __value__", RespExpectation.INTEGER, "set:"),
            new Entry("spop", "SPOP __key__", RespExpectation.BULK_OR_NIL, "set:"),
            new Entry("hset", "HSET __key__ field __value__", RespExpectation.INTEGER, "hash:"),
            new Entry("hget", "HGET __key__ field", RespExpectation.BULK_OR_NIL, "hash:"));

    private RespCommands() {
    }

    /** The entry called {@code name}, in any case, or null. */
    static Entry lookup(String name) {
        for (Entry e : TABLE) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    /** The known names, for error messages: "set, get, del, ...". */
    static String names() {
        return TABLE.stream().map(Entry::name).collect(Collectors.joining(", "));
    }

    /**
     * The reply to expect for a user's template of {@code argc} words. Only the table's own form keeps the
     * table's expectation in full; a known command with the table's arity but other arguments (a fixed key,
     * say) keeps its reply type but not GET's value check, since its value cannot be predicted; anything
     * else may legitimately answer with any type.
     */
    static RespExpectation expectation(String template, int argc) {
        Entry e = lookup(template.split(" ")[0]);
        if (e == null) {
            return RespExpectation.ANY;
        }
        if (isTableForm(template)) {
            return e.expectation();
        }
        if (argc == e.arity()) {
            return e.expectation() == RespExpectation.VALUE_OR_NIL ? RespExpectation.BULK_OR_NIL : e.expectation();
        }
        return RespExpectation.ANY;
    }

    /** Whether {@code template} (single-spaced) is a table entry's template, the command name in any case. */
    static boolean isTableForm(String template) {
        String[] words = template.split(" ", 2);
        Entry e = lookup(words[0]);
        return e != null
                && e.template().equals(words[0].toUpperCase(Locale.ROOT) + (words.length > 1 ? " " + words[1] : ""));
    }

    /** One known command. */
    record Entry(String name, String template, RespExpectation expectation, String keyPrefix) {

        /** Words in the template, the command name included. */
        int arity() {
            return template.split(" ").length;
        }
    }
}
