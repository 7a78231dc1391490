package io.weft.loadgen.internal;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.Codec;
import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.LoadModel;
import io.weft.loadgen.LoadSpec;
import io.weft.loadgen.spi.ReplyChecker;
import io.weft.loadgen.spi.Replies;
import io.weft.loadgen.spi.RequestWriter;
import io.weft.loadgen.spi.Target;
import io.weft.transport.CloseReason;
import io.weft.transport.Connection;
import io.weft.transport.Connector;
import io.weft.transport.Handler;
import io.weft.transport.Protocol;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One load connection: sends requests, pairs replies with them, and survives the connection's loss.
 *
 * <p>Two threads share it. The connection's event loop runs the {@link Handler} and {@link Replies}
 * methods: it checks replies and, in a closed-loop run, sends the next requests. The owning
 * {@link Worker} thread runs {@link #service}: it sends open-loop requests when they fall due, aborts a
 * connection whose oldest request timed out, counts what a closed connection lost, and reconnects.
 * Apart from a few volatile flags, each written by one side at a time, the {@link InFlight} ring is all
 * they share, one end each.
 */
final class Driver<I> implements Handler<I, ByteBuffer>, Replies {

    enum State { CONNECTING, LIVE, CLOSED, FAILED, RETRY_WAIT, DONE }

    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MIN_RECONNECT_WINDOW = TimeUnit.SECONDS.toNanos(1);

    private final int index;
    private final LoadSpec spec;
    private final Target<I> target;
    private final Connector connector;
    private final Protocol<I, ByteBuffer> protocol;
    private final RequestWriter writer;
    private final InFlight inFlight;
    private final boolean closedLoop;
    /** Requests one connection carries before it is replaced by a new one; 0: no limit. */
    private final int perConnection;
    /** Set before the first request may be sent (see {@link #start}); never changes after. */
    private RunControl run;
    private volatile Thread owner;

    // Event-loop side.
    private ReplyChecker<I> checker;
    private final ByteBufferSink loopBatch = new ByteBufferSink(256);

    // Shared, each written by one side.
    private volatile Connection<ByteBuffer> connection;
    private volatile State state = State.CONNECTING;
    private volatile boolean timedOut;
    private volatile boolean handshakeFailed;
    private volatile boolean outOfStep;
    private volatile boolean doneIssuing;
    /**
     * This connection is done (it carried its share of requests, or the server said it closes after a
     * reply): nothing more is sent on it, and its close is no error. Set by the event loop.
     */
    private volatile boolean retiring;
    /**
     * Requests sent on this connection when they are limited, by whichever side sends; reset by the event
     * loop when it opens.
     */
    private volatile int sentHere;
    /** The worker, while it waits for a free in-flight slot; the event loop wakes it. */
    private volatile Thread waiter;

    // Worker side.
    private final ByteBufferSink batch = new ByteBufferSink(256);
    private long scheduleIndex;
    private long nextIntended;
    private long retryAt;
    private long reconnectUntil;

    Driver(int index, LoadSpec spec, Target<I> target, Connector connector) {
        this.index = index;
        this.spec = spec;
        this.target = target;
        this.connector = connector;
        this.writer = target.newWriter(index);
        this.inFlight = new InFlight(spec.maxInFlight() + MAX_HANDSHAKE);
        this.closedLoop = !(spec.model() instanceof LoadModel.Open);
        this.perConnection = target.requestsPerConnection();
        if (perConnection < 0) {
            throw new IllegalArgumentException(target.name() + ": requests per connection must be 0 or more");
        }
        Codec<I, ByteBuffer> codec = new Codec<>(target::newDecoder, (bytes, out) -> out.writeBytes(bytes));
        this.protocol = Protocol.of("bench-" + target.name(), codec, () -> this);
    }

    /**
     * Fixes the run's clock. A closed-loop driver needs it before it connects (it starts sending as soon
     * as it is open); an open-loop one before its worker starts.
     */
    void start(RunControl control) {
        this.run = control;
        if (control.schedule != null) {
            nextIntended = control.schedule.intendedTime(index, 0);
        }
    }

    void owner(Thread thread) {
        owner = thread;
    }

    State state() {
        return state;
    }

    /** Opens the connection; the outcome shows in {@link #state()}, and completes the future returned. */
    CompletableFuture<?> connect() {
        state = State.CONNECTING;
        return connector.connect(spec.address(), protocol).whenComplete((c, failure) -> {
            if (failure != null) {
                state = State.FAILED;
                wakeOwner();
            }
        });
    }

    // ---- event loop ------------------------------------------------------------------------------

    @Override
    public void onOpen(Connection<ByteBuffer> c) {
        checker = target.newChecker(index);
        sentHere = 0;
        retiring = false;
        long now = System.nanoTime();
        loopBatch.clear();
        int handshakes = writer.writeHandshake(loopBatch);
        if (handshakes > MAX_HANDSHAKE) {
            throw new IllegalStateException(target.name() + " wrote " + handshakes + " handshake requests");
        }
        for (int i = 0; i < handshakes; i++) {
            inFlight.add(Replies.handshakeToken(i), now, now);
        }
        if (closedLoop) {
            fill(now);
        }
        if (send(c, loopBatch)) {
            c.flush();
        }
        connection = c;
        state = State.LIVE; // publishes the above to the worker
        if (!closedLoop) {
            wakeOwner(); // requests may be due; a closed-loop worker only looks for timeouts, on its own beat
        }
    }

    @Override
    public void onMessage(Connection<ByteBuffer> c, I message) {
        if (retiring) {
            return; // closing: whatever is still in flight counts as lost with it
        }
        if (!checker.onMessage(message, this) || outOfStep || handshakeFailed) {
            c.abort();
            return;
        }
        if (perConnection > 0 && sentHere >= perConnection && inFlight.outstanding() == 0) {
            retiring = true;
        }
        if (retiring) {
            c.close(); // graceful: the server may have closed its side already; onClose reconnects
        } else if (closedLoop) {
            loopBatch.clear();
            fill(System.nanoTime());
            send(c, loopBatch);
        } else {
            Thread w = waiter;
            if (w != null) {
                waiter = null;
                LockSupport.unpark(w);
            }
        }
        if (doneIssuing && inFlight.outstanding() == 0) {
            wakeOwner(); // the last reply: the run can end now rather than at the worker's next look
        }
    }

    @Override
    public void onClose(Connection<ByteBuffer> c, CloseReason reason) {
        if (closedLoop && retiring && inFlight.outstanding() == 0 && !timedOut && !doneIssuing) {
            // A connection that carried its share, in a closed loop (where this thread is the only sender):
            // nothing to count, so open the next one here rather than handing over to the worker and back.
            forgetConnection();
            connect();
            return;
        }
        state = State.CLOSED;
        wakeOwner();
    }

    /** Closed loop: tops the window up with requests sent now. */
    private void fill(long now) {
        while (!doneIssuing && inFlight.outstanding() < spec.maxInFlight() && mayCarryMore()) {
            if (!run.tryIssue(now)) {
                doneIssuing = true;
                return;
            }
            inFlight.add(writer.writeRequest(loopBatch), now, now);
            if (perConnection > 0) {
                sentHere++;
            }
        }
    }

    /** Whether this connection may be sent another request. */
    private boolean mayCarryMore() {
        return perConnection == 0 || sentHere < perConnection;
    }

    @Override
    public int outstanding() {
        return inFlight.outstanding();
    }

    @Override
    public long token() {
        return inFlight.headToken();
    }

    @Override
    public void ok() {
        complete(null);
    }

    @Override
    public void failed(ErrorKind kind) {
        complete(kind);
    }

    @Override
    public void lastReply() {
        retiring = true;
    }

    private void complete(ErrorKind kind) {
        if (inFlight.outstanding() == 0) {
            outOfStep = true; // a reply nobody asked for
            return;
        }
        long token = inFlight.headToken();
        long intended = inFlight.headIntended();
        inFlight.removeHead();
        if (Replies.isHandshake(token)) {
            handshakeFailed |= kind != null;
        } else if (kind == null) {
            run.measurements.success(intended, System.nanoTime());
        } else {
            run.measurements.error(kind, intended);
        }
    }

    // ---- worker ----------------------------------------------------------------------------------

    /** Does whatever is due at {@code now}; returns when it next needs attention. */
    long service(long now) {
        return switch (state) {
            case LIVE -> serviceLive(now);
            case CLOSED -> settleClosed(now);
            case FAILED -> connectFailed(now);
            case RETRY_WAIT -> {
                if (now < retryAt) {
                    yield retryAt;
                }
                connect();
                yield Long.MAX_VALUE;
            }
            case CONNECTING, DONE -> Long.MAX_VALUE;
        };
    }

    private long serviceLive(long now) {
        long wake = checkTimeout(now);
        if (closedLoop || doneIssuing) {
            return wake;
        }
        batch.clear();
        boolean blocked = false;
        while (nextIntended <= now && !doneIssuing) {
            if (retiring || !mayCarryMore()) {
                blocked = true; // the close wakes this thread, and the next connection takes the request
                break;
            }
            if (!hasRoom()) {
                blocked = true;
                break;
            }
            if (!run.tryIssue(nextIntended)) {
                doneIssuing = true;
                break;
            }
            inFlight.add(writer.writeRequest(batch), nextIntended, now);
            if (perConnection > 0) {
                sentHere++;
            }
            nextIntended = run.schedule.intendedTime(index, ++scheduleIndex);
        }
        doneIssuing |= nextIntended >= run.end;
        Connection<ByteBuffer> c = connection;
        if (send(c, batch)) {
            c.flush();
        }
        return blocked || doneIssuing ? wake : Math.min(wake, nextIntended);
    }

    /** Whether a request may be sent; if not, asks the event loop to wake this thread when one may. */
    private boolean hasRoom() {
        if (inFlight.outstanding() < spec.maxInFlight()) {
            return true;
        }
        waiter = Thread.currentThread();
        // A reply may have freed a slot before the event loop could see the waiter.
        if (inFlight.outstanding() < spec.maxInFlight()) {
            waiter = null;
            return true;
        }
        return false;
    }

    private long checkTimeout(long now) {
        long oldest = inFlight.oldestSentAt();
        if (timedOut || oldest == InFlight.NONE) {
            return Long.MAX_VALUE;
        }
        long deadline = oldest + run.timeoutNanos;
        if (now < deadline) {
            return deadline;
        }
        // Replies come in order, so a late one could not be told from the next: give the connection up.
        timedOut = true;
        connection.abort();
        return Long.MAX_VALUE;
    }

    /** Counts what the closed connection lost, then reconnects unless this driver is done. */
    private long settleClosed(long now) {
        ErrorKind kind = timedOut ? ErrorKind.TIMEOUT : ErrorKind.CLOSED;
        int lost = 0;
        boolean handshakeLost = false;
        for (long seq = inFlight.firstOutstanding(); seq < inFlight.endOutstanding(); seq++) {
            if (Replies.isHandshake(inFlight.tokenAt(seq))) {
                handshakeLost = true;
            } else {
                run.measurements.error(kind, inFlight.intendedAt(seq));
                lost++;
            }
        }
        boolean refused = handshakeFailed || handshakeLost;
        if (refused) {
            run.measurements.event(ErrorKind.CONNECT, now);
        } else if (lost == 0 && !timedOut && !retiring && !issuingFinished(now)) {
            run.measurements.event(ErrorKind.CLOSED, now);
        }
        forgetConnection();
        if (refused || issuingFinished(now)) {
            state = State.DONE; // a refused handshake would only be refused again
            return Long.MAX_VALUE;
        }
        reconnectUntil = now + Math.max(run.timeoutNanos, MIN_RECONNECT_WINDOW);
        connect();
        return Long.MAX_VALUE;
    }

    /** Drops what belonged to the closed connection, before the next one opens. */
    private void forgetConnection() {
        inFlight.reset();
        connection = null;
        timedOut = false;
        outOfStep = false;
        handshakeFailed = false;
    }

    private long connectFailed(long now) {
        run.measurements.event(ErrorKind.CONNECT, now);
        if (now >= reconnectUntil || issuingFinished(now)) {
            state = State.DONE;
            return Long.MAX_VALUE;
        }
        retryAt = now + RETRY_NANOS;
        state = State.RETRY_WAIT;
        return retryAt;
    }

    /** Whether this driver will send no more requests. */
    boolean issuingFinished(long now) {
        return state == State.DONE || doneIssuing || (closedLoop && run.issuingOver(now));
    }

    /** Whether this driver has nothing left to do: nothing more to send and nothing in flight. */
    boolean finished(long now) {
        State s = state;
        return s == State.DONE || (s == State.LIVE && inFlight.outstanding() == 0 && issuingFinished(now));
    }

    /**
     * The run is over for this driver: requests it meant to send but could not (backlog) and requests
     * still in flight count as timeouts. The in-flight ones are counted by {@link #settleClosed} once the
     * abort closes the connection.
     */
    void expire(long now) {
        if (!closedLoop && !doneIssuing) {
            for (long intended = nextIntended; intended < run.end; intended =
                    run.schedule.intendedTime(index, ++scheduleIndex)) {
                run.measurements.error(ErrorKind.TIMEOUT, intended);
            }
            nextIntended = Long.MAX_VALUE;
        }
        doneIssuing = true;
        Connection<ByteBuffer> c = connection;
        if (state == State.LIVE && inFlight.outstanding() > 0 && c != null) {
            timedOut = true;
            c.abort();
        } else if (state != State.LIVE && state != State.CLOSED) {
            state = State.DONE;
        }
    }

    private static boolean send(Connection<ByteBuffer> c, ByteBufferSink bytes) {
        if (bytes.size() == 0 || c == null) {
            return false;
        }
        c.writeBytes(bytes.readable());
        return true;
    }

    private void wakeOwner() {
        Thread t = owner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
