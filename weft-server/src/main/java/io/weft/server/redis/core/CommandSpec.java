package io.weft.server.redis.core;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.keyspace.Keyspace;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One row of the command table: what Redis's {@code COMMAND INFO} reports, plus the body.
 *
 * @param name         lower case, e.g. {@code "get"}; a subcommand is {@code "config|get"}
 * @param arity        Redis's convention: {@code n} means exactly n arguments counting the name,
 *                     {@code -n} means at least n
 * @param flags        behaviour the dispatcher enforces
 * @param firstKey     index of the first key argument, 0 when the command has no keys
 * @param lastKey      index of the last key; negative counts from the end (-1 is the last argument)
 * @param step         distance between keys (2 for MSET's key, value pairs)
 * @param group        the documentation group ({@code "string"}, {@code "generic"}, ...)
 * @param since        the Redis version that introduced it
 * @param summary      one line for COMMAND DOCS
 * @param body         what runs; null for a container whose subcommands do all the work. A container may
 *                     have a body too, run when no subcommand is given (COMMAND alone lists every command)
 * @param subcommands  for containers such as CONFIG and CLIENT
 */
public record CommandSpec(String name, int arity, Set<Flag> flags, int firstKey, int lastKey, int step,
                          String group, String since, String summary, Command body,
                          List<CommandSpec> subcommands) {

    public CommandSpec {
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("command names are lower case: " + name);
        }
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        subcommands = List.copyOf(subcommands);
        if (body == null && subcommands.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a body or subcommands");
        }
    }

    /** A command without keys. */
    public static CommandSpec of(String name, int arity, Set<Flag> flags, String group, String since,
                                 String summary, Command body) {
        return new CommandSpec(name, arity, flags, 0, 0, 0, group, since, summary, body, List.of());
    }

    /** A command whose keys are at {@code firstKey, firstKey + step, ... lastKey}. */
    public static CommandSpec keyed(String name, int arity, Set<Flag> flags, int firstKey, int lastKey, int step,
                                    String group, String since, String summary, Command body) {
        return new CommandSpec(name, arity, flags, firstKey, lastKey, step, group, since, summary, body, List.of());
    }

    /** A container such as CONFIG: arity -2 and the work done by {@code subcommands}. */
    public static CommandSpec container(String name, Set<Flag> flags, String group, String since, String summary,
                                        List<CommandSpec> subcommands) {
        return new CommandSpec(name, -2, flags, 0, 0, 0, group, since, summary, null, subcommands);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** Whether {@code argc} arguments (the name included) satisfy the arity. */
    public boolean arityAccepts(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }

    /** The part after '|' for a subcommand, the whole name otherwise. */
    public String shortName() {
        int bar = name.indexOf('|');
        return bar < 0 ? name : name.substring(bar + 1);
    }

    /**
     * The index of {@code request}'s last key argument; less than {@link #firstKey} (no loop over
     * {@code firstKey..last} runs) when the command has no keys or the request is too short to hold one.
     */
    public int lastKeyArg(RespRequest request) {
        if (firstKey == 0 || request.argc() <= firstKey) {
            return -1;
        }
        return lastKey < 0 ? request.argc() + lastKey : Math.min(lastKey, request.argc() - 1);
    }

    /** The stripes this request locks: those of its keys, or all of them for {@link Flag#ALL_KEYS}. */
    public long lockMask(RespRequest request) {
        if (has(Flag.ALL_KEYS)) {
            return Keyspace.ALL_STRIPES;
        }
        int last = lastKeyArg(request);
        long mask = 0;
        for (int i = firstKey; i <= last; i += step) {
            mask |= Keyspace.stripeBit(request.argHash(i));
        }
        return mask;
    }
}
