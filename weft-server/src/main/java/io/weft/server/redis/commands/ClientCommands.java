package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.ADMIN;
import static io.weft.server.redis.core.Flag.LOADING;
import static io.weft.server.redis.core.Flag.NOSCRIPT;
import static io.weft.server.redis.core.Flag.STALE;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.core.Flag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** CLIENT ID, SETNAME, GETNAME, LIST, INFO, KILL and HELP. */
final class ClientCommands {

    static final String BAD_NAME = "ERR Client names cannot contain spaces, newlines or special characters.";

    private static final byte[] TYPE = {'t', 'y', 'p', 'e'};
    private static final byte[] ID = {'i', 'd'};

    private ClientCommands() {
    }

    static List<CommandSpec> specs() {
        Set<Flag> plain = Set.of(NOSCRIPT, LOADING, STALE);
        Set<Flag> admin = Set.of(ADMIN, NOSCRIPT, LOADING, STALE);
        return List.of(CommandSpec.container("client", Set.of(), "connection", "2.4.0",
                "A container for client connection commands.", List.of(
                        CommandSpec.of("client|id", 2, plain, "connection", "5.0.0",
                                "Returns the unique client ID of the connection.", ClientCommands::id),
                        CommandSpec.of("client|setname", 3, plain, "connection", "2.6.9",
                                "Sets the connection name.", ClientCommands::setname),
                        CommandSpec.of("client|getname", 2, plain, "connection", "2.6.9",
                                "Returns the name of the connection.", ClientCommands::getname),
                        CommandSpec.of("client|list", -2, admin, "connection", "2.4.0",
                                "Lists open connections.", ClientCommands::list),
                        CommandSpec.of("client|info", 2, plain, "connection", "6.2.0",
                                "Returns information about the connection.", ClientCommands::info),
                        CommandSpec.of("client|kill", -3, admin, "connection", "2.4.0",
                                "Terminates open connections.", ClientCommands::kill),
                        CommandSpec.of("client|help", 2, Set.of(LOADING, STALE), "connection", "5.0.0",
                                "Returns helpful text about the different subcommands.", ClientCommands::help))));
    }

    static void id(Client c, RespRequest r) {
        c.integer(c.id());
    }

    static void setname(Client c, RespRequest r) {
        if (setName(c, r, 2)) {
            c.ok();
        }
    }

    /**
     * Names argument {@code arg} the client's name, as CLIENT SETNAME and HELLO SETNAME do; an empty name
     * removes it. Replies with Redis's error and returns false for a name with spaces or control bytes.
     */
    static boolean setName(Client c, RespRequest r, int arg) {
        int length = r.argLength(arg);
        for (int k = 0; k < length; k++) {
            byte b = r.argByte(arg, k);
            if (b < '!' || b > '~') {
                c.error(BAD_NAME);
                return false;
            }
        }
        c.name(length == 0 ? null : r.argString(arg));
        return true;
    }

    static void getname(Client c, RespRequest r) {
        if (c.name() == null) {
            c.nullBulk();
        } else {
            c.bulk(c.name());
        }
    }

    /** CLIENT LIST [TYPE type | ID id...]: one line per client, oldest first, each ending in "\n". */
    static void list(Client c, RespRequest r) {
        List<Client> chosen = new ArrayList<>();
        if (r.argc() == 4 && r.argEqualsIgnoreCase(2, TYPE)) {
            String type = Replies.lower(r, 3);
            if (!ClientListing.knownType(type)) {
                c.error("ERR Unknown client type '" + Replies.latin(r, 3) + "'");
                return;
            }
            allClients(c).stream().filter(other -> ClientListing.isType(other, type)).forEach(chosen::add);
        } else if (r.argc() > 3 && r.argEqualsIgnoreCase(2, ID)) {
            for (int i = 3; i < r.argc(); i++) {
                if (!r.argIsLong(i)) {
                    c.error("ERR Invalid client ID");
                    return;
                }
                Client found = c.server().client(r.argLong(i));
                if (found != null) {
                    chosen.add(found);
                }
            }
        } else if (r.argc() == 2) {
            chosen.addAll(allClients(c));
        } else {
            c.error(Errors.SYNTAX);
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Client other : chosen) {
            text.append(ClientListing.line(other, c, r, "client|list", c.now())).append('\n');
        }
        Replies.text(c, text.toString());
    }

    static void info(Client c, RespRequest r) {
        Replies.text(c, ClientListing.line(c, c, r, "client|info", c.now()) + "\n");
    }

    /**
     * CLIENT KILL ip:port (replies OK or "No such client", and may kill the caller) or CLIENT KILL with
     * filters ID, ADDR, LADDR, TYPE, USER, SKIPME (replies the number killed; skips the caller unless
     * SKIPME no). The caller, if killed, is closed after this reply. Others are closed by their own
     * connection's thread, which may still answer a command that was already arriving as the kill ran.
     */
    static void kill(Client c, RespRequest r) {
        KillFilter filter = r.argc() == 3 ? KillFilter.oldStyle(Replies.latin(r, 2)) : KillFilter.parse(c, r);
        if (filter == null) {
            return;
        }
        int killed = 0;
        boolean killSelf = false;
        for (Client other : allClients(c)) {
            if (!filter.matches(other) || (other == c && filter.skipMe())) {
                continue;
            }
            if (other == c) {
                killSelf = true;
            } else {
                other.connection().close();
            }
            killed++;
        }
        if (r.argc() == 3) {
            if (killed == 0) {
                c.error("ERR No such client");
            } else {
                c.ok();
            }
        } else {
            c.integer(killed);
        }
        if (killSelf) {
            c.closeAfterReply();
        }
    }

    static void help(Client c, RespRequest r) {
        Replies.help(c, "CLIENT",
                "GETNAME",
                "    Return the name of the current connection.",
                "ID",
                "    Return the ID of the current connection.",
                "INFO",
                "    Return information about the current client connection.",
                "KILL <ip:port>",
                "    Kill connection made from <ip:port>.",
                "KILL <option> <value> [<option> <value> [...]]",
                "    Kill connections. Options are:",
                "    * ADDR <ip:port>",
                "      Kill connections made from the specified address",
                "    * LADDR <ip:port>",
                "      Kill connections made to specified local address",
                "    * ID <client-id>",
                "      Kill the connection with this ID.",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                "      Kill connections by type.",
                "    * USER <username>",
                "      Kill connections authenticated by <username>.",
                "    * SKIPME (YES|NO)",
                "      Skip killing current connection (default: yes).",
                "LIST [options ...]",
                "    Return information about client connections. Options:",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                "      Return clients of specified type.",
                "    * ID <client-id> [<client-id> ...]",
                "      Return clients with the given IDs.",
                "SETNAME <name>",
                "    Assign the name <name> to the current connection.");
    }

    /** Every connected client, oldest first, as Redis keeps them. */
    private static List<Client> allClients(Client c) {
        List<Client> all = new ArrayList<>(c.server().clients());
        all.sort(Comparator.comparingLong(Client::id));
        return all;
    }
}
