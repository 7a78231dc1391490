package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.ALL_KEYS;
import static io.weft.server.redis.core.Flag.LOADING;
import static io.weft.server.redis.core.Flag.STALE;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * INFO [section ...]: the server's state as {@code field:value} lines under {@code # Section} headers, in
 * Redis 7.0's layout: CRLF line ends, a blank line between sections, sections always in Redis's order
 * whatever order they were asked in. A bulk string, or a verbatim "txt" string in RESP3, as Redis 7.0 sends.
 *
 * <p>Every section Weft has is one of Redis's default sections, so {@code default}, {@code all} and
 * {@code everything} give the same report. Redis's per-command sections (commandstats, latencystats) are
 * not kept; asking for them, like asking for an unknown section, adds nothing.
 */
final class InfoCommand {

    /** Redis's default sections, in its order, each with the method that writes its lines. */
    enum Section {
        SERVER("Server", InfoSections::server),
        CLIENTS("Clients", InfoSections::clients),
        MEMORY("Memory", InfoSections::memory),
        PERSISTENCE("Persistence", InfoSections::persistence),
        STATS("Stats", InfoSections::stats),
        REPLICATION("Replication", InfoSections::replication),
        CPU("CPU", InfoSections::cpu),
        MODULES("Modules", (c, out) -> { }),
        ERRORSTATS("Errorstats", InfoSections::errorstats),
        CLUSTER("Cluster", InfoSections::cluster),
        KEYSPACE("Keyspace", InfoSections::keyspace);

        final String title;
        final BiConsumer<Client, StringBuilder> lines;

        Section(String title, BiConsumer<Client, StringBuilder> lines) {
            this.title = title;
            this.lines = lines;
        }
    }

    private InfoCommand() {
    }

    static List<CommandSpec> specs() {
        // ALL_KEYS: the keyspace section counts every database's keys, which needs every stripe.
        return List.of(CommandSpec.of("info", -1, Set.of(LOADING, STALE, ALL_KEYS), "server", "1.0.0",
                "Returns information and statistics about the server.", InfoCommand::info));
    }

    static void info(Client c, RespRequest r) {
        StringBuilder out = new StringBuilder(2048);
        for (Section section : sections(r)) {
            if (!out.isEmpty()) {
                out.append("\r\n");
            }
            out.append("# ").append(section.title).append("\r\n");
            section.lines.accept(c, out);
        }
        Replies.text(c, out.toString());
    }

    /** The sections asked for: the defaults without arguments; "default", "all", "everything" or names. */
    static EnumSet<Section> sections(RespRequest r) {
        if (r.argc() == 1) {
            return EnumSet.allOf(Section.class);
        }
        EnumSet<Section> chosen = EnumSet.noneOf(Section.class);
        for (int i = 1; i < r.argc(); i++) {
            String name = Replies.lower(r, i);
            switch (name) {
                case "default", "all", "everything" -> chosen.addAll(EnumSet.allOf(Section.class));
                default -> {
                    for (Section s : Section.values()) {
                        if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
                            chosen.add(s);
                        }
                    }
                }
            }
        }
        return chosen;
    }
}
