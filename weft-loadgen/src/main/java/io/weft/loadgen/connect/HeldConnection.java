package io.weft.loadgen.connect;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.Codec;
import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.spi.Replies;
import io.weft.loadgen.spi.ReplyChecker;
import io.weft.loadgen.spi.RequestWriter;
import io.weft.loadgen.spi.Target;
import io.weft.transport.CloseReason;
import io.weft.transport.Connection;
import io.weft.transport.Connector;
import io.weft.transport.Handler;
import io.weft.transport.Protocol;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One connection of a connect run, from its connect to its last ping. At most one ping is outstanding.
 *
 * <p>Two threads share it. The connection's event loop runs the {@link Handler} and {@link Replies}
 * methods (and so the reply checker); the run's keeper thread connects, pings (and so runs the request
 * writer) and times out. The state moves forward by compare-and-set only, so a connection that times out
 * while its connect completes is counted once, as a timeout, and then aborted.
 */
final class HeldConnection<I> implements Handler<I, ByteBuffer>, Replies {

    enum State { IDLE, CONNECTING, OPEN, FAILED, DONE }

    private final ConnectRun run;
    private final Protocol<I, ByteBuffer> protocol;
    private final RequestWriter writer;
    private final ReplyChecker<I> checker;
    private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);

    // Event-loop side, read by the keeper.
    private volatile Connection<ByteBuffer> connection;
    private volatile boolean awaiting;
    private volatile long answeredAt;

    // Keeper side.
    private final ByteBufferSink batch = new ByteBufferSink(64);
    private volatile long token;
    private long due;
    private long startedAt;
    private long pingSentAt;
    private long nextPingAt;

    HeldConnection(ConnectRun run, Target<I> target, int index) {
        this.run = run;
        this.writer = target.newWriter(index);
        this.checker = target.newChecker(index);
        Codec<I, ByteBuffer> codec = new Codec<>(target::newDecoder, (bytes, out) -> out.writeBytes(bytes));
        this.protocol = Protocol.of("bench-connect-" + target.name(), codec, () -> this);
    }

    State state() {
        return state.get();
    }

    /** Keeper: starts the connect, which was due at {@code due} (nanoTime). */
    void connect(Connector connector, InetSocketAddress remote, InetSocketAddress local, long due) {
        this.due = due;
        // The timeout runs from the start, not from when it was due: a client that fell behind its
        // schedule (a slow bind(), say) must not time out connects it has only just started.
        this.startedAt = System.nanoTime();
        state.set(State.CONNECTING);
        connector.connect(remote, local, protocol).whenComplete((c, failure) -> {
            if (failure != null) {
                fail(ConnectFailure.ofConnect(failure));
            }
        });
    }

    /**
     * Keeper: times out a connect or a ping that took too long and sends a ping when one is due (with
     * {@code pingEvery} 0, never).
     */
    void sweep(long now, long timeout, long pingEvery) {
        switch (state.get()) {
            case CONNECTING -> {
                if (now - startedAt > timeout) {
                    fail(ConnectFailure.TIMEOUT);
                }
            }
            case OPEN -> {
                if (awaiting) {
                    if (now - pingSentAt > timeout) {
                        fail(ConnectFailure.TIMEOUT);
                    }
                } else if (pingEvery > 0) {
                    if (nextPingAt == 0) {
                        nextPingAt = now + pingEvery;
                    } else if (now >= nextPingAt) {
                        ping(now);
                        nextPingAt = now + pingEvery;
                    }
                }
            }
            default -> { }
        }
    }

    /** Keeper: sends a ping now unless one is outstanding already. */
    void ping(long now) {
        Connection<ByteBuffer> c = connection;
        if (state.get() != State.OPEN || awaiting || c == null) {
            return;
        }
        batch.clear();
        token = writer.writeRequest(batch);
        pingSentAt = now;
        awaiting = true; // publishes the token before the reply can arrive
        c.writeBytes(batch.readable());
        c.flush();
    }

    /** Whether the connection is open, with no ping outstanding, and answered one at or after {@code since}. */
    boolean answeredSince(long since) {
        return state.get() == State.OPEN && !awaiting && answeredAt - since >= 0;
    }

    /** Whether the keeper still waits on this connection: opening, or a ping outstanding. */
    boolean pending() {
        State s = state.get();
        return s == State.CONNECTING || s == State.OPEN && awaiting;
    }

    /** Keeper, at the end: closes the connection without counting it as lost. */
    void finish() {
        State previous = state.getAndSet(State.DONE);
        Connection<ByteBuffer> c = connection;
        if (previous == State.OPEN && c != null) {
            c.close();
        }
    }

    private void fail(ConnectFailure cause) {
        State s = state.get();
        while (s == State.CONNECTING || s == State.OPEN) {
            if (state.compareAndSet(s, State.FAILED)) {
                run.failed(cause, s == State.OPEN);
                Connection<ByteBuffer> c = connection;
                if (c != null) {
                    c.abort();
                }
                return;
            }
            s = state.get();
        }
    }

    // ---- event loop ------------------------------------------------------------------------------

    @Override
    public void onOpen(Connection<ByteBuffer> c) {
        connection = c;
        if (state.compareAndSet(State.CONNECTING, State.OPEN)) {
            run.opened(due, System.nanoTime());
        } else {
            c.abort(); // timed out, or the run ended, while the connect was under way
        }
    }

    @Override
    public void onMessage(Connection<ByteBuffer> c, I message) {
        if (!checker.onMessage(message, this)) {
            fail(ConnectFailure.OTHER);
        }
    }

    @Override
    public void onClose(Connection<ByteBuffer> c, CloseReason reason) {
        fail(ConnectFailure.ofClose(reason));
    }

    @Override
    public int outstanding() {
        return awaiting ? 1 : 0;
    }

    @Override
    public long token() {
        return token;
    }

    @Override
    public void ok() {
        answeredAt = System.nanoTime();
        awaiting = false;
    }

    @Override
    public void failed(ErrorKind kind) {
        fail(ConnectFailure.OTHER);
    }

    /** A held connection must stay open: a server that says it closes this one has failed it. */
    @Override
    public void lastReply() {
        fail(ConnectFailure.OTHER);
    }
}
