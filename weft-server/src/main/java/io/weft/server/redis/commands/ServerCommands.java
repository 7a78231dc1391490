package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.ADMIN;
import static io.weft.server.redis.core.Flag.ALL_KEYS;
import static io.weft.server.redis.core.Flag.FAST;
import static io.weft.server.redis.core.Flag.LOADING;
import static io.weft.server.redis.core.Flag.NOSCRIPT;
import static io.weft.server.redis.core.Flag.NO_MULTI;
import static io.weft.server.redis.core.Flag.READONLY;
import static io.weft.server.redis.core.Flag.STALE;
import static io.weft.server.redis.core.Flag.WRITE;

import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespWriter;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.keyspace.Keyspace;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Server commands: FLUSHDB, FLUSHALL, DBSIZE, TIME, SHUTDOWN and FUNCTION. INFO, CONFIG and COMMAND have
 * classes of their own ({@link InfoCommand}, {@link ConfigCommands}, {@link CommandDocs}).
 */
final class ServerCommands {

    private static final byte[] SYNC = {'s', 'y', 'n', 'c'};
    private static final byte[] ASYNC = {'a', 's', 'y', 'n', 'c'};
    private static final byte[] WITHCODE = {'w', 'i', 't', 'h', 'c', 'o', 'd', 'e'};
    private static final byte[] LIBRARYNAME = {'l', 'i', 'b', 'r', 'a', 'r', 'y', 'n', 'a', 'm', 'e'};

    private ServerCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("flushdb", -1, Set.of(WRITE, ALL_KEYS), "server", "1.0.0",
                        "Removes all keys from the current database.", ServerCommands::flushdb),
                CommandSpec.of("flushall", -1, Set.of(WRITE, ALL_KEYS), "server", "1.0.0",
                        "Removes all keys from all databases.", ServerCommands::flushall),
                CommandSpec.of("dbsize", 1, Set.of(READONLY, FAST, ALL_KEYS), "server", "1.0.0",
                        "Returns the number of keys in the database.", ServerCommands::dbsize),
                CommandSpec.of("time", 1, Set.of(LOADING, STALE, FAST), "server", "2.6.0",
                        "Returns the server time.", ServerCommands::time),
                CommandSpec.of("shutdown", -1, Set.of(ADMIN, NOSCRIPT, LOADING, STALE, NO_MULTI), "server", "1.0.0",
                        "Stops the server: no new connections, in-flight commands finish.", ServerCommands::shutdown),
                CommandSpec.container("function", Set.of(), "scripting", "7.0.0",
                        "A container for function commands.", List.of(
                                CommandSpec.of("function|flush", -2, Set.of(WRITE, NOSCRIPT), "scripting", "7.0.0",
                                        "Deletes all libraries and functions.", ServerCommands::functionFlush),
                                CommandSpec.of("function|list", -2, Set.of(NOSCRIPT), "scripting", "7.0.0",
                                        "Returns information about all libraries.", ServerCommands::functionList),
                                CommandSpec.of("function|help", 2, Set.of(LOADING, STALE), "scripting", "7.0.0",
                                        "Returns helpful text about the different subcommands.",
                                        ServerCommands::functionHelp))));
    }

    static void flushdb(Client c, RespRequest r) {
        if (validFlushMode(c, r)) {
            c.db().clear();
            c.ok();
        }
    }

    static void flushall(Client c, RespRequest r) {
        if (validFlushMode(c, r)) {
            Keyspace keyspace = c.server().keyspace();
            for (int i = 0; i < keyspace.databaseCount(); i++) {
                keyspace.database(i).clear();
            }
            c.ok();
        }
    }

    /** FLUSHDB/FLUSHALL [SYNC|ASYNC]: both modes free at once here, as the memory goes to the GC anyway. */
    private static boolean validFlushMode(Client c, RespRequest r) {
        if (r.argc() == 1 || (r.argc() == 2 && (r.argEqualsIgnoreCase(1, SYNC) || r.argEqualsIgnoreCase(1, ASYNC)))) {
            return true;
        }
        c.error(Errors.SYNTAX);
        return false;
    }

    static void dbsize(Client c, RespRequest r) {
        c.integer(c.db().size());
    }

    /** TIME: Unix seconds and the microseconds within that second, both as bulk strings. */
    static void time(Client c, RespRequest r) {
        Instant now = Instant.now();
        c.arrayHeader(2);
        RespWriter.bulk(c.out(), now.getEpochSecond());
        RespWriter.bulk(c.out(), now.getNano() / 1000);
    }

    /**
     * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]. Weft saves nothing, so the modes differ only in which
     * combinations are legal. A shutdown sends no reply: the connection closes, as Redis's does.
     */
    static void shutdown(Client c, RespRequest r) {
        boolean save = false;
        boolean nosave = false;
        boolean abort = false;
        boolean other = false;
        for (int i = 1; i < r.argc(); i++) {
            switch (Replies.lower(r, i)) {
                case "save" -> save = true;
                case "nosave" -> nosave = true;
                case "abort" -> abort = true;
                case "now", "force" -> other = true;
                default -> {
                    c.error(Errors.SYNTAX);
                    return;
                }
            }
        }
        if ((abort && (save || nosave || other)) || (save && nosave)) {
            c.error(Errors.SYNTAX);
            return;
        }
        if (abort) {
            c.error("ERR No shutdown in progress.");
            return;
        }
        c.server().requestShutdown();
        c.closeAfterReply();
    }

    /** FUNCTION FLUSH [ASYNC|SYNC]: there are never libraries, so there is nothing to delete. */
    static void functionFlush(Client c, RespRequest r) {
        if (r.argc() > 3) {
            c.error(Replies.subcommandSyntax(r, "FUNCTION"));
        } else if (r.argc() == 3 && !r.argEqualsIgnoreCase(2, SYNC) && !r.argEqualsIgnoreCase(2, ASYNC)) {
            c.error("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
        } else {
            c.ok();
        }
    }

    /** FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE]: always empty, as Weft runs no scripts. */
    static void functionList(Client c, RespRequest r) {
        boolean named = false;
        for (int i = 2; i < r.argc(); i++) {
            if (r.argEqualsIgnoreCase(i, WITHCODE)) {
                continue;
            }
            if (!r.argEqualsIgnoreCase(i, LIBRARYNAME)) {
                c.error("ERR Unknown argument " + Replies.latin(r, i));
                return;
            }
            if (i + 1 >= r.argc()) {
                c.error("ERR library name argument was not given");
                return;
            }
            if (named) {
                c.error("ERR library name can be given only once");
                return;
            }
            named = true;
            i++;
        }
        c.arrayHeader(0);
    }

    static void functionHelp(Client c, RespRequest r) {
        Replies.help(c, "FUNCTION",
                "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
                "    Return general information on all the libraries (Weft has none).",
                "FLUSH [ASYNC|SYNC]",
                "    Delete all the libraries.");
    }
}
