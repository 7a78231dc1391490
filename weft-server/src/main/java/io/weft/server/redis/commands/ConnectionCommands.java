package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.FAST;
import static io.weft.server.redis.core.Flag.PUBSUB_CONTEXT;

import io.weft.codec.resp.RespConstant;
import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespVersion;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import java.util.List;
import java.util.Set;

/** Connection commands: PING, ECHO, HELLO, AUTH, SELECT, RESET, CLIENT. */
final class ConnectionCommands {

    private ConnectionCommands() {
    }

    static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("ping", -1, Set.of(FAST, PUBSUB_CONTEXT), "connection", "1.0.0",
                        "Returns the server's liveliness response.", ConnectionCommands::ping),
                CommandSpec.of("echo", 2, Set.of(FAST), "connection", "1.0.0",
                        "Returns the given string.", ConnectionCommands::echo));
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
}
