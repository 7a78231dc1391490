package io.weft.server.redis.commands;

import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespWriter;
import io.weft.server.redis.core.Client;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reply helpers the server-side families share: HELP texts, text reports, arguments quoted in errors. */
final class Replies {

    private Replies() {
    }

    /**
     * A HELP reply as Redis shapes it: one status line per line of text, headed by the usage line and ended
     * by HELP's own entry.
     */
    static void help(Client c, String command, String... lines) {
        c.arrayHeader(lines.length + 3L);
        c.simple(command + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String line : lines) {
            c.simple(line);
        }
        c.simple("HELP");
        c.simple("    Prints this help.");
    }

    /** A plain-text report (INFO, CLIENT LIST): a bulk string, or a verbatim "txt" string in RESP3. */
    static void text(Client c, String text) {
        RespWriter.verbatim(c.out(), "txt", text.getBytes(StandardCharsets.UTF_8), c.resp());
    }

    /** Argument {@code i} with each byte as one character, as Redis's {@code %s} prints it into an error. */
    static String latin(RespRequest r, int i) {
        return new String(r.argBytes(i), StandardCharsets.ISO_8859_1);
    }

    /** Argument {@code i} in lower case (ASCII), for names that are matched ignoring case. */
    static String lower(RespRequest r, int i) {
        return latin(r, i).toLowerCase(Locale.ROOT);
    }

    /** {@code ERR unknown subcommand or wrong number of arguments for 'flush'. Try FUNCTION HELP.} */
    static String subcommandSyntax(RespRequest r, String container) {
        String name = latin(r, 1);
        return "ERR unknown subcommand or wrong number of arguments for '"
                + name.substring(0, Math.min(name.length(), 128)) + "'. Try " + container + " HELP.";
    }
}
