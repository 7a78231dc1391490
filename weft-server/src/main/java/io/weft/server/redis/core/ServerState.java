package io.weft.server.redis.core;

import io.weft.server.redis.RedisConfig;
import io.weft.server.redis.keyspace.Keyspace;
import io.weft.server.redis.pubsub.PubSub;
import java.util.Collection;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * What all clients share: configuration, keyspace, pub/sub, the command table, connected clients and
 * counters. One per server.
 */
public final class ServerState {

    /** The Redis version whose behaviour Weft follows; INFO reports it as {@code redis_version}. */
    public static final String REDIS_VERSION = "7.0.15";

    private volatile RedisConfig config;
    private final Keyspace keyspace;
    private final PubSub pubsub = new PubSub();
    private final CommandTable commands;
    private final ConcurrentHashMap<Long, Client> clients = new ConcurrentHashMap<>();
    private final ServerStats stats = new ServerStats();
    private final long startedAt = System.currentTimeMillis();
    private final String runId;
    private volatile Runnable shutdownRequest = () -> { };
    private volatile Supplier<io.weft.transport.ListenerStats> listenerStats = () -> null;
    /** The listener's counters at the last CONFIG RESETSTAT: the transport's own counters never reset. */
    private volatile io.weft.transport.ListenerStats listenerStatsAtReset;
    private volatile String configFile = "";

    public ServerState(RedisConfig config, CommandTable commands) {
        this.config = config;
        this.commands = commands;
        this.keyspace = new Keyspace(config.databases());
        byte[] id = new byte[20];
        ThreadLocalRandom.current().nextBytes(id);
        this.runId = HexFormat.of().formatHex(id);
    }

    public RedisConfig config() {
        return config;
    }

    /** Applies a CONFIG SET. Settings fixed at start (port, engine, databases) are refused by the caller. */
    public void config(RedisConfig changed) {
        this.config = changed;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    public PubSub pubsub() {
        return pubsub;
    }

    public CommandTable commands() {
        return commands;
    }

    public ServerStats stats() {
        return stats;
    }

    public long startedAt() {
        return startedAt;
    }

    public String runId() {
        return runId;
    }

    public Collection<Client> clients() {
        return clients.values();
    }

    public Client client(long id) {
        return clients.get(id);
    }

    void register(Client client) {
        clients.put(client.id(), client);
    }

    void unregister(Client client) {
        clients.remove(client.id());
    }

    /** Connection counters of the RESP listener (accepted, rejected, bytes), or null before it starts. */
    public io.weft.transport.ListenerStats listenerStats() {
        return listenerStats.get();
    }

    public void listenerStats(Supplier<io.weft.transport.ListenerStats> source) {
        this.listenerStats = source;
    }

    /**
     * The listener's counters since start or the last {@link #resetListenerStats()} (CONFIG RESETSTAT), or
     * null before it starts. {@code active} is not a count and is never reset.
     */
    public io.weft.transport.ListenerStats listenerStatsSinceReset() {
        io.weft.transport.ListenerStats now = listenerStats();
        io.weft.transport.ListenerStats base = listenerStatsAtReset;
        if (now == null || base == null) {
            return now;
        }
        return new io.weft.transport.ListenerStats(now.accepted() - base.accepted(), now.active(),
                now.rejected() - base.rejected(), now.bytesIn() - base.bytesIn(), now.bytesOut() - base.bytesOut(),
                now.messagesIn() - base.messagesIn(), now.messagesOut() - base.messagesOut(),
                now.errors() - base.errors(), now.slowConsumerDisconnects() - base.slowConsumerDisconnects());
    }

    public void resetListenerStats() {
        this.listenerStatsAtReset = listenerStats();
    }

    /** The configuration file the server was started with, for INFO's config_file; empty when none. */
    public String configFile() {
        return configFile;
    }

    public void configFile(String path) {
        this.configFile = path == null ? "" : path;
    }

    /** Asks the server to shut down gracefully (SHUTDOWN); returns at once. */
    public void requestShutdown() {
        shutdownRequest.run();
    }

    public void onShutdownRequest(Runnable action) {
        this.shutdownRequest = action;
    }
}
