package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.FAST;
import static io.weft.server.redis.core.Flag.LOADING;
import static io.weft.server.redis.core.Flag.NOSCRIPT;
import static io.weft.server.redis.core.Flag.NO_AUTH;
import static io.weft.server.redis.core.Flag.PUBSUB_CONTEXT;
import static io.weft.server.redis.core.Flag.STALE;
import static io.weft.server.redis.core.Flag.TRANSACTION_CONTROL;

import io.weft.codec.resp.RespConstant;
import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespVersion;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.core.ServerState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Connection commands: PING, ECHO, HELLO, AUTH, SELECT, RESET (CLIENT is {@link ClientCommands}). */
final class ConnectionCommands {

    static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";
    static final String AUTH_WITHOUT_PASSWORD = "ERR AUTH <password> called without any password configured"
            + " for the default user. Are you sure your configuration is correct?";
    static final String HELLO_NOAUTH = "NOAUTH HELLO must be called with the client already authenticated,"
            + " otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select"
            + " the RESP protocol version at the same time";

    /** Redis's getIntFromObjectOrReply for a number that is a long but not an int. */
    static final String INT_RANGE = "ERR value is out of range, value must between -2147483648 and 2147483647";

    /** Weft has one user, Redis's {@code default}: its password is {@code requirepass}, or any while unset. */
    private static final byte[] DEFAULT_USER = "default".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUTH = {'a', 'u', 't', 'h'};
    private static final byte[] SETNAME = {'s', 'e', 't', 'n', 'a', 'm', 'e'};

    private ConnectionCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("ping", -1, Set.of(FAST, PUBSUB_CONTEXT), "connection", "1.0.0",
                        "Returns the server's liveliness response.", ConnectionCommands::ping),
                CommandSpec.of("echo", 2, Set.of(LOADING, STALE, FAST), "connection", "1.0.0",
                        "Returns the given string.", ConnectionCommands::echo),
                CommandSpec.of("hello", -1, Set.of(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH), "connection", "6.0.0",
                        "Handshakes with the Redis server.", ConnectionCommands::hello),
                CommandSpec.of("auth", -2, Set.of(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH), "connection", "1.0.0",
                        "Authenticates the connection.", ConnectionCommands::auth),
                CommandSpec.of("select", 2, Set.of(LOADING, STALE, FAST), "connection", "1.0.0",
                        "Changes the selected database.", ConnectionCommands::select),
                CommandSpec.of("reset", 1,
                        Set.of(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, PUBSUB_CONTEXT, TRANSACTION_CONTROL),
                        "connection", "6.2.0", "Resets the connection.", ConnectionCommands::reset));
    }

    /** PING [message]; in the RESP2 pub/sub context the reply is an array, as Redis sends it. */
    static void ping(Client c, RespRequest r) {
        if (r.argc() > 2) {
            c.error("ERR wrong number of arguments for 'ping' command");
            return;
        }
        if (c.resp() == RespVersion.RESP2 && c.inPubSubContext()) {
            c.arrayHeader(2);
            c.bulk(new byte[] {'p', 'o', 'n', 'g'});
            if (r.argc() == 2) {
                c.bulkArg(r, 1);
            } else {
                c.constant(RespConstant.EMPTY_BULK);
            }
            return;
        }
        if (r.argc() == 2) {
            c.bulkArg(r, 1);
        } else {
            c.constant(RespConstant.PONG);
        }
    }

    static void echo(Client c, RespRequest r) {
        c.bulkArg(r, 1);
    }

    /**
     * HELLO [protover [AUTH user pass] [SETNAME name]]: every option is checked before anything changes;
     * then authentication, then the name, then the protocol switch, whose reply is already in the new one.
     */
    static void hello(Client c, RespRequest r) {
        RespVersion version = null;
        int next = 1;
        if (r.argc() >= 2) {
            if (!r.argIsLong(1)) {
                c.error("ERR Protocol version is not an integer or out of range");
                return;
            }
            long requested = r.argLong(1);
            if (requested < 2 || requested > 3) {
                c.error("NOPROTO unsupported protocol version");
                return;
            }
            version = requested == 2 ? RespVersion.RESP2 : RespVersion.RESP3;
            next = 2;
        }
        int auth = 0;
        int name = 0;
        for (int j = next; j < r.argc(); j++) {
            int more = r.argc() - 1 - j;
            if (r.argEqualsIgnoreCase(j, AUTH) && more >= 2) {
                auth = j + 1;
                j += 2;
            } else if (r.argEqualsIgnoreCase(j, SETNAME) && more >= 1) {
                name = j + 1;
                j++;
            } else {
                c.error("ERR Syntax error in HELLO option '" + Replies.latin(r, j) + "'");
                return;
            }
        }
        if (auth != 0 && !authenticate(c, r.argBytes(auth), r.argBytes(auth + 1))) {
            c.error(WRONGPASS);
            return;
        }
        if (!c.authenticated()) {
            c.error(HELLO_NOAUTH);
            return;
        }
        if (name != 0 && !ClientCommands.setName(c, r, name)) {
            return;
        }
        if (version != null) {
            c.resp(version);
        }
        helloReply(c);
    }

    private static void helloReply(Client c) {
        c.mapHeader(7);
        c.bulk("server");
        c.bulk("redis");
        c.bulk("version");
        c.bulk(ServerState.REDIS_VERSION);
        c.bulk("proto");
        c.integer(c.resp() == RespVersion.RESP3 ? 3 : 2);
        c.bulk("id");
        c.integer(c.id());
        c.bulk("mode");
        c.bulk("standalone");
        c.bulk("role");
        c.bulk("master");
        c.bulk("modules");
        c.arrayHeader(0);
    }

    /** AUTH [username] password. A failed attempt leaves an authenticated client authenticated, as in Redis. */
    static void auth(Client c, RespRequest r) {
        if (r.argc() > 3) {
            c.error(Errors.SYNTAX);
            return;
        }
        byte[] user;
        byte[] password;
        if (r.argc() == 2) {
            if (c.server().config().requirePass() == null) {
                c.error(AUTH_WITHOUT_PASSWORD);
                return;
            }
            user = DEFAULT_USER;
            password = r.argBytes(1);
        } else {
            user = r.argBytes(1);
            password = r.argBytes(2);
        }
        if (authenticate(c, user, password)) {
            c.ok();
        } else {
            c.error(WRONGPASS);
        }
    }

    /** Marks {@code c} authenticated if the credentials are right; compares in constant time. */
    private static boolean authenticate(Client c, byte[] user, byte[] password) {
        if (!Arrays.equals(user, DEFAULT_USER)) {
            return false;
        }
        String required = c.server().config().requirePass();
        if (required != null && !MessageDigest.isEqual(required.getBytes(StandardCharsets.UTF_8), password)) {
            return false;
        }
        c.authenticated(true);
        return true;
    }

    static void select(Client c, RespRequest r) {
        if (!r.argIsLong(1)) {
            c.error(Errors.NOT_INTEGER);
            return;
        }
        if (r.argLong(1) != (int) r.argLong(1)) {
            c.error(INT_RANGE);
            return;
        }
        long index = r.argLong(1);
        if (index < 0 || index >= c.server().keyspace().databaseCount()) {
            c.error(Errors.DB_INDEX);
            return;
        }
        c.select((int) index);
        c.ok();
    }

    /**
     * RESET: the connection as new: no transaction, watches or subscriptions, RESP2, database 0, no name, and
     * no longer authenticated when a password is set.
     */
    static void reset(Client c, RespRequest r) {
        c.transaction(null);
        if (c.watching()) {
            c.server().keyspace().unwatchAll(c.watch());
        }
        c.server().pubsub().unsubscribeAll(c);
        c.subscriptionCounts(0, 0);
        c.resp(RespVersion.RESP2);
        c.select(0);
        c.name(null);
        c.authenticated(c.server().config().requirePass() == null);
        c.simple("RESET");
    }
}
