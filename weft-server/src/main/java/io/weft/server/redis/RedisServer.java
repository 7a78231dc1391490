package io.weft.server.redis;

import io.weft.codec.Codec;
import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespRequestDecoder;
import io.weft.server.redis.commands.Commands;
import io.weft.server.redis.core.RespHandler;
import io.weft.server.redis.core.ServerCron;
import io.weft.server.redis.core.ServerState;
import io.weft.transport.Listener;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Protocol;
import io.weft.transport.Server;
import io.weft.transport.ShutdownSummary;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The Redis-compatible server behind {@code weft serve}: one RESP listener on the configured engine, the
 * shared keyspace, and the background cron. Start it with {@link #start}; stop it with {@link #shutdown},
 * or from a client with SHUTDOWN, which {@link #awaitShutdownRequest} reports.
 */
public final class RedisServer implements AutoCloseable {

    /** The listener's name, for {@link Server#address} and {@link Server#stats}. */
    public static final String LISTENER = "resp";
    private static final byte[] MAX_CLIENTS = "-ERR max number of clients reached\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerState state;
    private final Server server;
    private final ServerCron cron;
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);

    private RedisServer(ServerState state, Server server, ServerCron cron) {
        this.state = state;
        this.server = server;
        this.cron = cron;
    }

    public static RedisServer start(RedisConfig config) throws IOException {
        ServerState state = new ServerState(config, Commands.table());
        // Each connection's decoder takes the limits current when it connects, so CONFIG SET
        // proto-max-bulk-len applies to new connections. It parses pipelines ahead for the key prefetch.
        Codec<RespRequest, ByteBuffer> codec = new Codec<>(
                () -> new RespRequestDecoder(state.config().limits(), RespHandler.prefetch(state)),
                (bytes, out) -> out.writeBytes(bytes));
        Protocol<RespRequest, ByteBuffer> protocol =
                Protocol.of("resp", codec, () -> new RespHandler(state)).withRejectReply(MAX_CLIENTS);
        ListenerLimits limits = ListenerLimits.DEFAULTS
                .withMaxConnections(config.maxClients())
                .withOutput(ListenerLimits.DEFAULTS.highWatermark(), ListenerLimits.DEFAULTS.lowWatermark(),
                        config.outputLimit());
        Listener listener = new Listener(LISTENER, new InetSocketAddress(config.bind(), config.port()),
                config.engine().create(config.loops(), config.idlePoll()), protocol, limits, config.reusePort());
        Server server = Server.of(listener).start();
        // With port 0 the OS picked one: CONFIG GET port and INFO's tcp_port report the real one.
        state.config(state.config().withPort(server.address(LISTENER).getPort()));
        state.listenerStats(() -> server.stats(LISTENER));
        RedisServer redis = new RedisServer(state, server, new ServerCron(state).start());
        state.onShutdownRequest(redis.shutdownRequested::countDown);
        return redis;
    }

    public InetSocketAddress address() {
        return server.address(LISTENER);
    }

    public ServerState state() {
        return state;
    }

    /** Blocks until a client sends SHUTDOWN. */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }

    /** Stops accepting, lets in-flight commands finish and flush, then closes every connection. */
    public ShutdownSummary shutdown(Duration grace) {
        cron.close();
        ShutdownSummary summary = server.shutdown(grace);
        shutdownRequested.countDown();
        return summary;
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(1));
    }
}
