package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.LOADING;
import static io.weft.server.redis.core.Flag.STALE;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.CommandTable;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.core.Flag;
import io.weft.server.redis.keyspace.Glob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * COMMAND and its subcommands COUNT, INFO, DOCS, LIST and HELP: the command table as clients see it.
 * redis-cli, Lettuce and Jedis read these at connect time, so the replies keep Redis 7.0's shapes exactly,
 * filled from each {@link CommandSpec}: flags, key positions, ACL categories derived from the flags and
 * group ({@link AclCategories}), one key spec for keyed commands, and the summary, since and group for DOCS.
 * Weft keeps no per-argument docs, complexity or tips, so those parts are absent or empty.
 */
final class CommandDocs {

    private static final byte[] FILTERBY = {'f', 'i', 'l', 't', 'e', 'r', 'b', 'y'};

    private CommandDocs() {
    }

    static List<CommandSpec> specs() {
        Set<Flag> flags = Set.of(LOADING, STALE);
        return List.of(new CommandSpec("command", -1, flags, 0, 0, 0, "server", "2.8.13",
                "Returns detailed information about all commands.", CommandDocs::all, List.of(
                        CommandSpec.of("command|count", 2, flags, "server", "2.8.13",
                                "Returns a count of commands.", CommandDocs::count),
                        CommandSpec.of("command|info", -2, flags, "server", "2.8.13",
                                "Returns information about one, multiple or all commands.", CommandDocs::info),
                        CommandSpec.of("command|docs", -2, flags, "server", "7.0.0",
                                "Returns documentary information about one, multiple or all commands.",
                                CommandDocs::docs),
                        CommandSpec.of("command|list", -2, flags, "server", "7.0.0",
                                "Returns a list of command names.", CommandDocs::list),
                        CommandSpec.of("command|help", 2, flags, "server", "5.0.0",
                                "Returns helpful text about the different subcommands.", CommandDocs::help))));
    }

    /** COMMAND alone: every command's details, as COMMAND INFO without names. */
    static void all(Client c, RespRequest r) {
        CommandTable table = c.server().commands();
        c.arrayHeader(table.size());
        for (CommandSpec spec : table.all()) {
            writeInfo(c, spec);
        }
    }

    static void count(Client c, RespRequest r) {
        c.integer(c.server().commands().size());
    }

    /** COMMAND INFO [name ...]: details of each name ("config|get" for a subcommand), nil for unknown ones. */
    static void info(Client c, RespRequest r) {
        if (r.argc() == 2) {
            all(c, r);
            return;
        }
        c.arrayHeader(r.argc() - 2L);
        for (int i = 2; i < r.argc(); i++) {
            CommandSpec spec = find(c, Replies.lower(r, i));
            if (spec == null) {
                c.nullBulk();
            } else {
                writeInfo(c, spec);
            }
        }
    }

    /** COMMAND DOCS [name ...]: a map of name to its docs; unknown names are left out. */
    static void docs(Client c, RespRequest r) {
        List<CommandSpec> chosen = new ArrayList<>();
        if (r.argc() == 2) {
            chosen.addAll(c.server().commands().all());
        }
        for (int i = 2; i < r.argc(); i++) {
            CommandSpec spec = find(c, Replies.lower(r, i));
            if (spec != null) {
                chosen.add(spec);
            }
        }
        c.mapHeader(chosen.size());
        for (CommandSpec spec : chosen) {
            c.bulk(spec.name());
            writeDocs(c, spec);
        }
    }

    /** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN glob]: names, subcommands included. */
    static void list(Client c, RespRequest r) {
        List<CommandSpec> all = c.server().commands().allWithSubcommands();
        List<String> names = new ArrayList<>();
        if (r.argc() == 2) {
            all.forEach(spec -> names.add(spec.name()));
        } else if (r.argc() == 5 && r.argEqualsIgnoreCase(2, FILTERBY)) {
            String value = Replies.lower(r, 4);
            switch (Replies.lower(r, 3)) {
                case "module" -> { }
                case "aclcat" -> all.stream().filter(s -> AclCategories.of(s).contains(value))
                        .forEach(s -> names.add(s.name()));
                case "pattern" -> {
                    byte[] glob = value.getBytes(StandardCharsets.ISO_8859_1);
                    all.stream().filter(s -> Glob.matches(glob, s.name().getBytes(StandardCharsets.US_ASCII)))
                            .forEach(s -> names.add(s.name()));
                }
                default -> {
                    c.error(Errors.SYNTAX);
                    return;
                }
            }
        } else {
            c.error(Errors.SYNTAX);
            return;
        }
        c.arrayHeader(names.size());
        names.forEach(c::bulk);
    }

    static void help(Client c, RespRequest r) {
        Replies.help(c, "COMMAND",
                "(no subcommand)",
                "    Return details about all commands.",
                "COUNT",
                "    Return the total number of commands in this server.",
                "LIST",
                "    Return a list of all commands in this server.",
                "INFO [<command-name> ...]",
                "    Return details about multiple commands.",
                "    If no command names are given, details for all commands are returned.",
                "DOCS [<command-name> ...]",
                "    Return documentation details about multiple commands.",
                "    If no command names are given, documentation details for all",
                "    commands are returned.");
    }

    /** A command by lower-case name, or a subcommand by "container|sub". */
    private static CommandSpec find(Client c, String name) {
        CommandTable table = c.server().commands();
        int bar = name.indexOf('|');
        if (bar < 0) {
            return table.get(name);
        }
        CommandSpec container = table.get(name.substring(0, bar));
        if (container == null) {
            return null;
        }
        return container.subcommands().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The ten elements Redis 7.0 gives per command: name, arity, flags, first key, last key, step, ACL
     * categories, tips, key specs, subcommands.
     */
    private static void writeInfo(Client c, CommandSpec spec) {
        c.arrayHeader(10);
        c.bulk(spec.name());
        c.integer(spec.arity());
        List<String> flags = redisFlags(spec);
        c.setHeader(flags.size());
        flags.forEach(c::simple);
        c.integer(spec.firstKey());
        c.integer(spec.lastKey());
        c.integer(spec.step());
        List<String> categories = AclCategories.of(spec);
        c.setHeader(categories.size());
        categories.forEach(category -> c.simple("@" + category));
        c.setHeader(0);
        if (spec.firstKey() > 0) {
            c.setHeader(1);
            writeKeySpec(c, spec);
        } else {
            c.setHeader(0);
        }
        c.setHeader(spec.subcommands().size());
        for (CommandSpec sub : spec.subcommands()) {
            writeInfo(c, sub);
        }
    }

    /** One range key spec: keys from {@code firstKey}, every {@code step}, to the last key. */
    private static void writeKeySpec(Client c, CommandSpec spec) {
        boolean write = spec.has(Flag.WRITE);
        c.mapHeader(3);
        c.bulk("flags");
        c.setHeader(2);
        c.simple(write ? "RW" : "RO");
        c.simple(write ? "update" : "access");
        c.bulk("begin_search");
        c.mapHeader(2);
        c.bulk("type");
        c.bulk("index");
        c.bulk("spec");
        c.mapHeader(1);
        c.bulk("index");
        c.integer(spec.firstKey());
        c.bulk("find_keys");
        c.mapHeader(2);
        c.bulk("type");
        c.bulk("range");
        c.bulk("spec");
        c.mapHeader(3);
        c.bulk("lastkey");
        // A key spec's last key counts from the first key; a negative one counts from the end, as before.
        c.integer(spec.lastKey() < 0 ? spec.lastKey() : spec.lastKey() - spec.firstKey());
        c.bulk("keystep");
        c.integer(spec.step());
        c.bulk("limit");
        c.integer(0);
    }

    /** Summary, since and group, and the subcommands' docs for a container. */
    private static void writeDocs(Client c, CommandSpec spec) {
        boolean container = !spec.subcommands().isEmpty();
        c.mapHeader(container ? 4 : 3);
        c.bulk("summary");
        c.bulk(spec.summary());
        c.bulk("since");
        c.bulk(spec.since());
        c.bulk("group");
        c.bulk(spec.group());
        if (container) {
            c.bulk("subcommands");
            c.mapHeader(spec.subcommands().size());
            for (CommandSpec sub : spec.subcommands()) {
                c.bulk(sub.name());
                writeDocs(c, sub);
            }
        }
    }

    /** Redis's names for the flags Weft shares with it, in Redis's order; Weft's own flags are left out. */
    private static List<String> redisFlags(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (Flag flag : Flag.values()) {
            boolean weftOnly = flag == Flag.PUBSUB_CONTEXT || flag == Flag.TRANSACTION_CONTROL || flag == Flag.ALL_KEYS;
            if (spec.has(flag) && !weftOnly) {
                names.add(flag.name().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
