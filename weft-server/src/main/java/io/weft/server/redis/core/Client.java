package io.weft.server.redis.core;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.ByteSink;
import io.weft.codec.resp.RespConstant;
import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespVersion;
import io.weft.codec.resp.RespWriter;
import io.weft.server.redis.keyspace.Database;
import io.weft.server.redis.keyspace.WatchState;
import io.weft.server.redis.pubsub.Subscriber;
import io.weft.transport.Connection;
import java.nio.ByteBuffer;

/**
 * One client's state, as Redis's {@code client} struct: selected database, protocol version, name,
 * authentication, transaction and subscriptions, and the reply being written.
 *
 * <p>Everything but the fields read by CLIENT LIST and INFO from other threads (name, db, the current
 * command, timestamps: all volatile) is touched only by the connection's own thread.
 *
 * <p>Replies are written into a small per-client buffer and handed to the connection after each command;
 * the buffer shrinks back after a large reply so an idle client pins little memory.
 */
public final class Client implements Subscriber {

    /** Bytes of the reply buffer each client starts with and shrinks back to (CLIENT LIST's rbs). */
    public static final int REPLY_BUFFER = 256;
    private static final int REPLY_BUFFER_KEEP = 64 * 1024;

    private final ServerState server;
    private final Connection<?> connection;
    private final long createdAt = System.currentTimeMillis();
    private ByteBufferSink out = new ByteBufferSink(REPLY_BUFFER);
    private volatile RespVersion resp = RespVersion.RESP2;
    private volatile int db;
    private volatile String name;
    private volatile String lastCommand = "NULL";
    private volatile long lastInteraction = createdAt;
    private boolean authenticated;
    /** Volatile so CLIENT LIST on another connection sees MULTI state (its multi= field). */
    private volatile Transaction transaction;
    private WatchState watch;
    private long now;
    /** Channels and patterns, counted for the RESP2 pub/sub context and CLIENT LIST. */
    private volatile int channels;
    private volatile int patterns;
    private boolean closeAfterReply;

    Client(ServerState server, Connection<?> connection) {
        this.server = server;
        this.connection = connection;
        this.authenticated = server.config().requirePass() == null;
    }

    public ServerState server() {
        return server;
    }

    public long id() {
        return connection.id();
    }

    public Connection<?> connection() {
        return connection;
    }

    /** The sink the current command's reply goes to. */
    public ByteSink out() {
        return out;
    }

    public RespVersion resp() {
        return resp;
    }

    public void resp(RespVersion version) {
        this.resp = version;
    }

    public Database db() {
        return server.keyspace().database(db);
    }

    public int dbIndex() {
        return db;
    }

    public void select(int index) {
        this.db = index;
    }

    public String name() {
        return name;
    }

    public void name(String name) {
        this.name = name;
    }

    /** Whether commands may run: logged in, or no password is set now (Redis's authRequired). */
    public boolean authenticated() {
        return authenticated || server.config().requirePass() == null;
    }

    public void authenticated(boolean value) {
        this.authenticated = value;
    }

    /** The time the current command runs at, in Unix milliseconds, fixed for the whole command (and EXEC). */
    public long now() {
        return now;
    }

    void now(long millis) {
        this.now = millis;
    }

    public long createdAt() {
        return createdAt;
    }

    public long lastInteraction() {
        return lastInteraction;
    }

    public String lastCommand() {
        return lastCommand;
    }

    void lastCommand(String name, long at) {
        this.lastCommand = name;
        this.lastInteraction = at;
    }

    public Transaction transaction() {
        return transaction;
    }

    public void transaction(Transaction transaction) {
        this.transaction = transaction;
    }

    /** This client's WATCH state, created on first use. */
    public WatchState watch() {
        if (watch == null) {
            watch = new WatchState();
        }
        return watch;
    }

    public boolean watching() {
        return watch != null && !watch.isEmpty();
    }

    public int channelCount() {
        return channels;
    }

    public int patternCount() {
        return patterns;
    }

    public void subscriptionCounts(int channels, int patterns) {
        this.channels = channels;
        this.patterns = patterns;
    }

    /** Whether the client is in the RESP2 pub/sub context, where only a few commands are allowed. */
    public boolean inPubSubContext() {
        return channels + patterns > 0;
    }

    /** Closes the connection once the current reply is sent (QUIT, CLIENT KILL of oneself). */
    public void closeAfterReply() {
        this.closeAfterReply = true;
    }

    boolean closingAfterReply() {
        return closeAfterReply;
    }

    // ---- reply shorthands ----

    public void ok() {
        RespConstant.OK.writeTo(out);
    }

    public void error(String message) {
        RespWriter.error(out, message);
        server.stats().errorReply(message);
    }

    public void integer(long value) {
        RespWriter.integer(out, value);
    }

    public void bulk(byte[] value) {
        RespWriter.bulk(out, value);
    }

    public void bulk(String value) {
        RespWriter.bulk(out, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public void bulkArg(RespRequest request, int arg) {
        RespWriter.bulk(out, request, arg);
    }

    public void simple(String text) {
        RespWriter.simpleString(out, text);
    }

    public void nullBulk() {
        RespWriter.nullBulk(out, resp);
    }

    public void nullArray() {
        RespWriter.nullArray(out, resp);
    }

    public void arrayHeader(long count) {
        RespWriter.arrayHeader(out, count);
    }

    public void mapHeader(long pairs) {
        RespWriter.mapHeader(out, pairs, resp);
    }

    public void setHeader(long count) {
        RespWriter.setHeader(out, count, resp);
    }

    public void constant(RespConstant constant) {
        constant.writeTo(out);
    }

    /**
     * Hands the reply written so far to the connection. The dispatcher calls it after each command; a
     * command calls it itself when what it wrote must be queued ahead of output other threads may add next
     * (a SUBSCRIBE confirmation, before publishers can see the subscription).
     */
    public void sendReply() {
        if (out.size() == 0) {
            return;
        }
        connection.writeBytes(out.readable());
        if (out.size() > REPLY_BUFFER_KEEP) {
            out = new ByteBufferSink(REPLY_BUFFER);
        } else {
            out.clear();
        }
    }

    // ---- Subscriber: messages published by other clients ----

    @Override
    public RespVersion protocol() {
        return resp;
    }

    @Override
    public long queuedOutputBytes() {
        return connection.queuedOutputBytes();
    }

    @Override
    public void deliver(ByteBuffer message) {
        connection.writeBytes(message);
        connection.flush();
    }

    @Override
    public void disconnectSlow() {
        server.stats().pubsubSlowDisconnects.increment();
        connection.abort();
    }
}
