package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.ADMIN;
import static io.weft.server.redis.core.Flag.LOADING;
import static io.weft.server.redis.core.Flag.NOSCRIPT;
import static io.weft.server.redis.core.Flag.STALE;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.ConfigParameter;
import io.weft.server.redis.ConfigParameter.Mutability;
import io.weft.server.redis.ConfigParameters;
import io.weft.server.redis.ConfigValueException;
import io.weft.server.redis.RedisConfig;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.core.Flag;
import io.weft.server.redis.core.ServerState;
import io.weft.server.redis.keyspace.Glob;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CONFIG GET, SET, RESETSTAT and HELP over the table of {@link ConfigParameters}. */
final class ConfigCommands {

    private ConfigCommands() {
    }

    static List<CommandSpec> specs() {
        Set<Flag> admin = Set.of(ADMIN, NOSCRIPT, LOADING, STALE);
        return List.of(CommandSpec.container("config", Set.of(), "server", "2.0.0",
                "A container for server configuration commands.", List.of(
                        CommandSpec.of("config|get", -3, admin, "server", "2.0.0",
                                "Returns the effective values of configuration parameters.", ConfigCommands::get),
                        CommandSpec.of("config|set", -4, admin, "server", "2.0.0",
                                "Sets configuration parameters in-flight.", ConfigCommands::set),
                        CommandSpec.of("config|resetstat", 2, admin, "server", "2.0.0",
                                "Resets the server's statistics.", ConfigCommands::resetstat),
                        CommandSpec.of("config|help", 2, Set.of(LOADING, STALE), "server", "5.0.0",
                                "Returns helpful text about the different subcommands.", ConfigCommands::help))));
    }

    /**
     * CONFIG GET pattern...: a map of name to value. A pattern without glob characters names one setting
     * (ignoring case; the reply repeats the name as given, as Redis does); a glob matches names ignoring case.
     * Each setting appears once however many patterns match it.
     */
    static void get(Client c, RespRequest r) {
        Map<ConfigParameter, String> shown = new LinkedHashMap<>();
        for (int i = 2; i < r.argc(); i++) {
            String pattern = Replies.latin(r, i);
            if (pattern.chars().noneMatch(ch -> ch == '*' || ch == '?' || ch == '[')) {
                ConfigParameter p = ConfigParameters.find(pattern);
                if (p != null) {
                    shown.putIfAbsent(p, pattern);
                }
                continue;
            }
            byte[] glob = Replies.lower(r, i).getBytes(StandardCharsets.ISO_8859_1);
            for (ConfigParameter p : ConfigParameters.all()) {
                if (Glob.matches(glob, p.name().getBytes(StandardCharsets.US_ASCII))) {
                    shown.putIfAbsent(p, p.name());
                }
            }
        }
        RedisConfig config = c.server().config();
        c.mapHeader(shown.size());
        shown.forEach((p, name) -> {
            c.bulk(name);
            c.bulk(p.get(config));
        });
    }

    /**
     * CONFIG SET name value [name value ...]: all or nothing. Names are checked first (unknown, immutable,
     * given twice), then every value is parsed; only if all are good does the new configuration apply.
     */
    static void set(Client c, RespRequest r) {
        if ((r.argc() & 1) != 0) {
            c.error(Errors.SYNTAX);
            return;
        }
        ConfigParameter[] params = new ConfigParameter[(r.argc() - 2) / 2];
        for (int i = 0; i < params.length; i++) {
            params[i] = checkName(c, r, 2 + 2 * i, params, i);
            if (params[i] == null) {
                return;
            }
        }
        ServerState server = c.server();
        // One CONFIG SET at a time, so two clients changing different settings cannot lose one change.
        synchronized (server) {
            RedisConfig current = server.config();
            RedisConfig changed = current;
            for (int i = 0; i < params.length; i++) {
                String name = Replies.latin(r, 2 + 2 * i);
                try {
                    changed = apply(params[i], current, changed, r.argString(3 + 2 * i));
                } catch (ConfigValueException e) {
                    c.error(failed(name, e.getMessage()));
                    return;
                }
            }
            server.config(changed);
        }
        c.ok();
    }

    /** The setting named by argument {@code arg}, or null after replying why it cannot be set. */
    private static ConfigParameter checkName(Client c, RespRequest r, int arg, ConfigParameter[] earlier, int count) {
        String name = Replies.latin(r, arg);
        ConfigParameter p = ConfigParameters.find(name);
        if (p == null) {
            c.error("ERR Unknown option or number of arguments for CONFIG SET - '" + name + "'");
            return null;
        }
        if (p.mutability() == Mutability.IMMUTABLE) {
            c.error(failed(name, "can't set immutable config"));
            return null;
        }
        for (int j = 0; j < count; j++) {
            if (earlier[j] == p) {
                c.error(failed(name, "duplicate parameter"));
                return null;
            }
        }
        return p;
    }

    /** Parses one value into {@code changed}; a setting fixed at start may only be "set" to what it is. */
    private static RedisConfig apply(ConfigParameter p, RedisConfig current, RedisConfig changed, String value)
            throws ConfigValueException {
        RedisConfig next = p.set(changed, value);
        if (p.mutability() == Mutability.AT_START && !p.get(next).equals(p.get(current))) {
            throw new ConfigValueException("Weft sets this only at start; restart the server with the new value");
        }
        return next;
    }

    private static String failed(String name, String reason) {
        return "ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + reason;
    }

    /** CONFIG RESETSTAT: zeroes INFO's counters (commands, errors, keyspace hits, connections, bytes). */
    static void resetstat(Client c, RespRequest r) {
        ServerState server = c.server();
        server.stats().reset();
        server.keyspace().stats().reset();
        server.resetListenerStats();
        c.ok();
    }

    static void help(Client c, RespRequest r) {
        Replies.help(c, "CONFIG",
                "GET <pattern>",
                "    Return parameters matching the glob-like <pattern> and their values.",
                "SET <directive> <value>",
                "    Set the configuration <directive> to <value>.",
                "RESETSTAT",
                "    Reset statistics reported by the INFO command.");
    }
}
