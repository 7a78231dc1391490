package io.weft.server.redis.core;

import io.weft.codec.resp.RespConstant;
import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespRequestDecoder;
import io.weft.codec.resp.RespVersion;
import io.weft.server.redis.keyspace.Keyspace;
import io.weft.transport.CloseReason;
import io.weft.transport.Connection;
import io.weft.transport.Handler;
import io.weft.transport.IdleEvent;
import java.nio.ByteBuffer;

/**
 * One client connection's command loop, as Redis's {@code processCommand}: look the command up, check
 * arity, authentication, the pub/sub context and MULTI, then run it with its keys' stripes locked and
 * send its reply.
 *
 * <p>The same handler runs on both engines. On the event-loop engine it runs on the connection's loop; on
 * the virtual-thread engine on the connection's own thread. Either way one connection's commands run one
 * at a time, in order.
 */
public final class RespHandler implements Handler<RespRequest, ByteBuffer> {

    private static final byte[] QUIT = {'q', 'u', 'i', 't'};

    private final ServerState server;
    private final Keyspace keyspace;
    private final CommandTable table;
    private Client client;

    public RespHandler(ServerState server) {
        this.server = server;
        this.keyspace = server.keyspace();
        this.table = server.commands();
    }

    /** The lookahead for one connection's decoder: warms the cache for the keys of each pipeline. */
    public static RespRequestDecoder.Lookahead prefetch(ServerState server) {
        return new PipelinePrefetch(server.keyspace(), server.commands());
    }

    @Override
    public void onOpen(Connection<ByteBuffer> connection) {
        client = new Client(server, connection);
        String refusal = ProtectedMode.refusal(server.config(), connection.remoteAddress());
        if (refusal != null) {
            client.error(refusal);
            client.sendReply();
            connection.close();
            return;
        }
        server.register(client);
    }

    @Override
    public void onMessage(Connection<ByteBuffer> connection, RespRequest request) {
        long now = System.currentTimeMillis();
        client.now(now);
        dispatch(request);
        client.sendReply();
        if (client.closingAfterReply()) {
            connection.close();
        }
    }

    @Override
    public void onIdle(Connection<ByteBuffer> connection, IdleEvent event) {
        // Redis's timeout spares subscribers: they are idle by design.
        if (event == IdleEvent.READ_IDLE && !client.inPubSubContext()) {
            connection.close();
        }
    }

    @Override
    public void onClose(Connection<ByteBuffer> connection, CloseReason reason) {
        if (client == null) {
            return;
        }
        server.unregister(client);
        server.pubsub().unsubscribeAll(client);
        if (client.watching()) {
            keyspace.unwatchAll(client.watch());
        }
    }

    private void dispatch(RespRequest request) {
        if (request.argEqualsIgnoreCase(0, QUIT)) {
            // Redis 7.0 answers QUIT before any other check, even inside MULTI or before AUTH.
            client.ok();
            client.closeAfterReply();
            return;
        }
        CommandSpec spec = table.lookup(request, 0);
        if (spec == null) {
            reject(Errors.unknownCommand(request));
            return;
        }
        if (!spec.subcommands().isEmpty() && request.argc() >= 2) {
            CommandSpec sub = table.subtable(spec).lookup(request, 1);
            if (sub == null) {
                reject(Errors.unknownSubcommand(request, spec));
                return;
            }
            spec = sub;
        }
        if (!spec.arityAccepts(request.argc())) {
            reject(spec, Errors.wrongArity(spec));
            return;
        }
        if (!client.authenticated() && !spec.has(Flag.NO_AUTH)) {
            reject(spec, Errors.NOAUTH);
            return;
        }
        Transaction transaction = client.transaction();
        if (transaction != null && spec.has(Flag.NO_MULTI)) {
            reject(spec, "ERR Command not allowed inside a transaction");
            return;
        }
        if (client.resp() == RespVersion.RESP2 && client.inPubSubContext() && !spec.has(Flag.PUBSUB_CONTEXT)) {
            reject(spec, "ERR Can't execute '" + spec.name() + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING"
                    + " / QUIT / RESET are allowed in this context");
            return;
        }
        if (transaction != null && !spec.has(Flag.TRANSACTION_CONTROL)) {
            transaction.add(spec, request);
            client.constant(RespConstant.QUEUED);
            return;
        }
        execute(spec, request);
    }

    /**
     * An error before a known command runs. Inside MULTI, EXEC refused this way ends the transaction at
     * once (Redis's {@code execCommandAbort}); any other command's refusal dooms it to EXECABORT.
     */
    private void reject(CommandSpec spec, String error) {
        if (client.transaction() != null && spec.name().equals("exec")) {
            TransactionCommands.abortExec(client, error);
            return;
        }
        reject(error);
    }

    /** An error before the command runs; inside MULTI it also dooms the transaction, as in Redis. */
    private void reject(String error) {
        client.error(error);
        if (client.transaction() != null) {
            client.transaction().abort();
        }
    }

    private void execute(CommandSpec spec, RespRequest request) {
        long mask = spec.lockMask(request);
        keyspace.lock(mask);
        try {
            spec.body().execute(client, request);
        } finally {
            keyspace.unlock(mask);
        }
        server.stats().commandsProcessed.increment();
        client.lastCommand(spec.name(), client.now());
    }
}
