package io.weft.transport.internal;

import io.weft.codec.Decoder;
import io.weft.codec.Encoder;
import io.weft.transport.Attributes;
import io.weft.transport.CloseReason;
import io.weft.transport.Connection;
import io.weft.transport.Handler;
import io.weft.transport.IdleEvent;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Protocol;
import io.weft.transport.spi.ListenerCounters;
import java.net.InetSocketAddress;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both engines' connections share: identity, the handler and codec, idle timers, output
 * accounting against the watermarks and the hard cap, and error isolation around handler calls.
 *
 * <p>Thread rule: the {@code owner*} methods run on the connection's own thread (its event loop, or its
 * virtual thread holding the connection lock); the rest are thread-safe.
 */
public abstract class BaseConnection<I, O> implements Connection<O> {

    protected static final Logger log = LoggerFactory.getLogger("io.weft.transport.connection");
    private static final AtomicLong IDS = new AtomicLong();

    protected final long id = IDS.incrementAndGet();
    protected final ConnectionGroup group;
    protected final Decoder<I> decoder;
    protected final Encoder<? super O> encoder;
    protected final Handler<I, O> handler;
    private final InetSocketAddress localAddress;
    private final InetSocketAddress remoteAddress;
    private volatile Attributes attributes;

    /** Idle timer marks, {@link System#nanoTime()} values; written by the owner, read by sweepers. */
    protected long readMark;
    protected long writeMark;
    private long heartbeatMark;

    private static final VarHandle QUEUED;
    private static final VarHandle CUT;

    static {
        try {
            QUEUED = MethodHandles.lookup().findVarHandle(BaseConnection.class, "queued", long.class);
            CUT = MethodHandles.lookup().findVarHandle(BaseConnection.class, "cut", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Bytes queued and not yet written. A field with a VarHandle, not an AtomicLong: one less object. */
    private volatile long queued;
    /** Set once, when the connection is cut as a slow consumer; later writes are dropped. */
    private volatile boolean cut;
    private volatile boolean writable = true;

    protected BaseConnection(ConnectionGroup group, Protocol<I, O> protocol, InetSocketAddress localAddress,
                             InetSocketAddress remoteAddress, long nowNanos) {
        this.group = group;
        this.decoder = protocol.codec().newDecoder();
        this.encoder = protocol.codec().encoder();
        this.handler = protocol.handlers() == null ? null : protocol.handlers().get();
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
        this.readMark = nowNanos;
        this.writeMark = nowNanos;
        this.heartbeatMark = nowNanos;
    }

    /** The limits of this connection's listener; kept on the group, not copied into each connection. */
    protected final ListenerLimits limits() {
        return group.limits();
    }

    protected final ListenerCounters counters() {
        return group.counters();
    }

    @Override
    public final long id() {
        return id;
    }

    @Override
    public final InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public final InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public final Attributes attributes() {
        Attributes a = attributes;
        if (a == null) {
            synchronized (this) {
                a = attributes;
                if (a == null) {
                    a = new Attributes();
                    attributes = a;
                }
            }
        }
        return a;
    }

    @Override
    public final boolean isWritable() {
        return writable;
    }

    @Override
    public final long queuedOutputBytes() {
        return queued;
    }

    @Override
    public final void writeBytes(byte[] bytes) {
        writeBytes(java.nio.ByteBuffer.wrap(bytes));
    }

    /** Closes with the given reason; graceful unless the reason says otherwise. Thread-safe. */
    protected abstract void close(CloseReason reason);

    /** Marks this connection as draining: close it as soon as it is idle. Thread-safe. */
    protected abstract void beginDrain();

    /** True once the last byte and the FIN have been sent, or the connection is closed. */
    protected abstract boolean isFinished();

    /** Aborts with {@link CloseReason#SHUTDOWN_FORCED}. Thread-safe. */
    protected abstract void forceClose();

    /** Releases the socket of a finished connection without waiting for the peer. Thread-safe. */
    protected abstract void release();

    @Override
    public void close() {
        close(CloseReason.LOCAL_CLOSE);
    }

    @Override
    public void abort() {
        close(CloseReason.LOCAL_ABORT);
    }

    // ---- output accounting -------------------------------------------------------------------

    /**
     * Accounts {@code bytes} newly queued. Returns false when that took the queue past the hard cap: the
     * caller must then abort the connection as a slow consumer.
     */
    protected final boolean accountQueued(long bytes) {
        if (cut) {
            return false;
        }
        long now = (long) QUEUED.getAndAdd(this, bytes) + bytes;
        if (now > limits().maxQueuedOutput()) {
            return false;
        }
        if (writable && now > limits().highWatermark()) {
            writable = false;
            writabilityChanged(false);
        }
        return true;
    }

    /** Accounts {@code bytes} written to the socket. */
    protected final void accountWritten(long bytes, long nowNanos) {
        if (bytes <= 0) {
            return;
        }
        writeMark = nowNanos;
        counters().bytesOut.add(bytes);
        long now = (long) QUEUED.getAndAdd(this, -bytes) - bytes;
        if (!writable && now < limits().lowWatermark()) {
            writable = true;
            writabilityChanged(true);
        }
    }

    /** Forgets queued output that will never be written (the connection closed). */
    protected final void discardQueued(long bytes) {
        QUEUED.getAndAdd(this, -bytes);
    }

    /** Forgets all queued output: the connection was aborted. */
    protected final void clearQueued() {
        queued = 0;
    }

    /** Called when writability flips; engines deliver it to the handler on the owner thread. */
    protected abstract void writabilityChanged(boolean nowWritable);

    /** True once the connection was cut as a slow consumer; its close may still be on the way. */
    protected final boolean isCut() {
        return cut;
    }

    /** Aborts as a slow consumer, counted once. */
    protected final void slowConsumer() {
        // Writers on several threads can cross the cap at once, and the abort may take a moment to
        // reach the connection's own thread: count and close exactly once.
        if (!CUT.compareAndSet(this, false, true)) {
            return;
        }
        counters().slowConsumerDisconnects.increment();
        log.debug("connection {} queued more than {} bytes of output: disconnected as a slow consumer", id,
                limits().maxQueuedOutput());
        close(CloseReason.SLOW_CONSUMER);
    }

    // ---- handler calls, isolated -------------------------------------------------------------

    protected final void ownerOpen() {
        try {
            handler.onOpen(this);
        } catch (Throwable t) {
            handlerFailed(t);
        }
    }

    /** Delivers one message. Returns false when the handler threw (the connection is then closing). */
    protected final boolean ownerMessage(I message) {
        counters().messagesIn.increment();
        try {
            handler.onMessage(this, message);
            return true;
        } catch (Throwable t) {
            handlerFailed(t);
            return false;
        }
    }

    protected final void ownerWritability(boolean nowWritable) {
        if (handler == null) {
            return;
        }
        try {
            handler.onWritabilityChanged(this, nowWritable);
        } catch (Throwable t) {
            handlerFailed(t);
        }
    }

    protected final void ownerClosed(CloseReason reason) {
        if (handler == null) {
            return;
        }
        try {
            handler.onClose(this, reason);
        } catch (Throwable t) {
            counters().errors.increment();
            log.warn("connection {}: handler failed in onClose", id, t);
        }
    }

    protected final void handlerFailed(Throwable t) {
        counters().errors.increment();
        log.warn("connection {}: handler failed, closing the connection", id, t);
        close(CloseReason.HANDLER_ERROR);
    }

    /** Fires whichever idle events are due at {@code now}. Owner thread only. */
    protected final void ownerIdleCheck(long now) {
        long readIdle = limits().readIdleTimeout().toNanos();
        if (readIdle > 0 && now - readMark >= readIdle) {
            fireIdle(IdleEvent.READ_IDLE);
            close(CloseReason.IDLE_TIMEOUT);
            return;
        }
        long writeIdle = limits().writeIdleTimeout().toNanos();
        if (writeIdle > 0 && now - writeMark >= writeIdle) {
            writeMark = now;
            fireIdle(IdleEvent.WRITE_IDLE);
        }
        long heartbeat = limits().heartbeatInterval().toNanos();
        if (heartbeat > 0 && now - heartbeatMark >= heartbeat) {
            heartbeatMark = now;
            fireIdle(IdleEvent.HEARTBEAT);
        }
    }

    private void fireIdle(IdleEvent event) {
        if (handler == null) {
            return;
        }
        try {
            handler.onIdle(this, event);
        } catch (Throwable t) {
            handlerFailed(t);
        }
    }

    /** Whether any idle timer is set, i.e. whether sweeps need to look at this connection. */
    protected final boolean hasTimers() {
        return !limits().readIdleTimeout().isZero() || !limits().writeIdleTimeout().isZero()
                || !limits().heartbeatInterval().isZero();
    }

    /** How often to sweep for these limits: a tenth of the shortest timer, within 10 ms and 1 s. */
    public static long sweepIntervalNanos(ListenerLimits limits) {
        long shortest = Long.MAX_VALUE;
        for (java.time.Duration d : new java.time.Duration[] {limits.readIdleTimeout(), limits.writeIdleTimeout(),
                limits.heartbeatInterval()}) {
            if (!d.isZero()) {
                shortest = Math.min(shortest, d.toNanos());
            }
        }
        if (shortest == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.clamp(shortest / 10, 10_000_000L, 1_000_000_000L);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + id + "[" + remoteAddress + "]";
    }
}
