package io.weft.transport.internal.vthread;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.ProtocolException;
import io.weft.transport.CloseReason;
import io.weft.transport.Connection;
import io.weft.transport.Protocol;
import io.weft.transport.internal.BaseConnection;
import io.weft.transport.internal.ConnectionGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection served by virtual threads: a reader that blocks in {@code read}, decodes, calls the
 * handler and writes the replies without blocking; what the socket does not take is finished by
 * {@link VtOutput}'s writer thread.
 *
 * <p>Locks: {@code callbacks} serialises handler calls (the reader's, the idle sweeper's);
 * {@code lock} guards output and state. Order: callbacks, then lock; never the other way round. Only
 * the reader calls {@code onClose}, as it exits, so closing from any thread never waits for a handler.
 *
 * <p>Input buffering is {@link VtInput}'s.
 */
final class VtConnection<I, O> extends BaseConnection<I, O> implements Runnable {

    /** After this long without a write, the output buffer and the writer thread are let go. */
    private static final long WRITER_RETIRE_NANOS = 1_000_000_000L;

    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int LINGERING = 2;
    private static final int CLOSED = 3;

    private final VirtualThreadEngine engine;
    private final SocketChannel channel;
    private final VtSocket socket;
    /**
     * Whether idle timers are set. Only then are read and write times taken from the clock on every
     * read and write; otherwise the one use left, retiring a quiet writer after a second, makes do
     * with the sweeper's time, and the hot path makes no clock call.
     */
    private final boolean timed;
    private final Protocol<I, O> protocol;
    final ReentrantLock callbacks = new ReentrantLock();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when output drains or the connection finishes; made on first wait. Guarded by lock. */
    private Condition settled;

    private volatile int state = OPEN;
    private CloseReason closeReason;
    private volatile boolean finished;
    private volatile boolean inputClosed;
    private volatile boolean draining;
    private volatile boolean holdingPartialInput;
    private volatile boolean dispatching;
    private long lingerDeadline;

    private final VtOutput output;
    private boolean lastDeliveredWritable = true;
    /** Writability changes waiting for delivery; made on the first change. Guarded by lock. */
    private java.util.Queue<Boolean> writabilityNotices;

    private Thread reader;
    /** Completed once the handler's onOpen ran (outbound connections); cleared when read. */
    private CompletableFuture<Connection<O>> opened;
    private final VtInput input;

    VtConnection(VirtualThreadEngine engine, ConnectionGroup group, Protocol<I, O> protocol, SocketChannel channel)
            throws IOException {
        super(group, protocol, (InetSocketAddress) channel.getLocalAddress(),
                (InetSocketAddress) channel.getRemoteAddress(), System.nanoTime());
        this.engine = engine;
        this.channel = channel;
        this.socket = engine.socket(channel);
        this.timed = hasTimers();
        this.protocol = protocol;
        this.input = new VtInput(socket, engine.largeBuffers);
        this.output = new VtOutput(this, socket, lock);
    }

    void start(CompletableFuture<Connection<O>> opened) {
        this.opened = opened;
        reader = Thread.ofVirtual().unstarted(this);
        // The reader is inside the socket from here until finish(): a close before it runs waits for it.
        socket.enter();
        try {
            reader.start();
        } catch (RuntimeException | Error e) {
            socket.exit();
            throw e;
        }
    }

    /**
     * The reader thread's body. An idle connection is parked inside this loop, and the frames below
     * the park are its memory cost: this method is entered once per connection and so runs
     * interpreted, so it is kept to one small frame that calls out for everything but the read.
     */
    @Override
    public void run() {
        try {
            if (!startReading()) {
                return;
            }
            while (state == OPEN) {
                ReadYield.beforeRead();
                if (fill() < 0) {
                    inputClosed = true;
                    close(CloseReason.PEER_CLOSED);
                    break;
                }
                dispatchBatch();
            }
            discardUntilClosed();
        } catch (IOException e) {
            // A read cut short by a requested close (a lingering close released at shutdown, say) is
            // not an error: finish() completes that close, and must not turn it into a reset.
            if (state != CLOSED && !socket.closeRequested()) {
                abortNow(CloseReason.IO_ERROR);
            }
        } finally {
            finish();
        }
    }

    /** Registers, runs onOpen (or the whole session). True when the read loop should follow. */
    private boolean startReading() throws IOException {
        group.register(this);
        CompletableFuture<Connection<O>> whenOpen = opened;
        opened = null;
        if (protocol.isSequential()) {
            runSession();
            discardUntilClosed();
            return false;
        }
        callbacks.lock();
        try {
            ownerOpen();
        } finally {
            callbacks.unlock();
        }
        if (whenOpen != null) {
            whenOpen.complete(this);
        }
        endOfBatch();
        return true;
    }

    private void dispatchBatch() {
        callbacks.lock();
        dispatching = true;
        try {
            decodeAll();
        } finally {
            dispatching = false;
            callbacks.unlock();
        }
        input.shrink();
        holdingPartialInput = input.buffer().hasRemaining();
        endOfBatch();
    }

    private void signalSettled() {
        if (settled != null) {
            settled.signalAll();
        }
    }

    private Condition settled() {
        if (settled == null) {
            settled = lock.newCondition();
        }
        return settled;
    }

    private void decodeAll() {
        ByteBuffer in = input.buffer();
        while (state == OPEN && in.hasRemaining()) {
            I message;
            try {
                message = decoder.decode(in);
            } catch (ProtocolException e) {
                counters().errors.increment();
                log.debug("connection {}: protocol error: {}", id, e.getMessage());
                if (e.reply() != null) {
                    writeBytes(e.reply());
                }
                close(CloseReason.PROTOCOL_ERROR);
                return;
            }
            if (message == null || !ownerMessage(message)) {
                return;
            }
        }
    }

    /** Reads more input (see {@link VtInput#fill()}) and counts it. */
    int fill() throws IOException {
        int n = input.fill();
        if (n > 0) {
            // Unprocessed input makes the connection busy for a shutdown drain, until it is decoded.
            holdingPartialInput = true;
            if (timed) {
                readMark = System.nanoTime();
            }
            counters().bytesIn.add(n);
        }
        return n;
    }

    /** After closing started: read and drop input until the peer's FIN, then finish closing. */
    private void discardUntilClosed() throws IOException {
        ByteBuffer scratch = null;
        while (!inputClosed && state != CLOSED) {
            if (scratch == null) {
                scratch = ByteBuffer.allocate(VtInput.SMALL_READ);
            }
            if (socket.read(scratch.clear()) < 0) {
                inputClosed = true;
            }
        }
        lock.lock();
        try {
            while (!finished) {
                settled().awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Reader's last act: release everything and tell the handler, exactly once. */
    private void finish() {
        CloseReason reason;
        lock.lock();
        try {
            state = CLOSED;
            finished = true;
            output.discardLocked();
            clearQueued();
            signalSettled();
            reason = closeReason == null ? CloseReason.PEER_CLOSED : closeReason;
        } finally {
            lock.unlock();
        }
        closeChannel();
        socket.exit();
        input.release();
        group.unregister(this);
        callbacks.lock();
        try {
            ownerClosed(reason);
        } finally {
            callbacks.unlock();
        }
    }

    /** After each batch of input: flush what the handler wrote, and close if draining and idle. */
    private void endOfBatch() {
        ByteBufferSink batch = null;
        lock.lock();
        try {
            // Only the reader may write inline: switching the channel's blocking mode waits for any
            // read in progress, and the reader is the one thread that is not in a read.
            if (Thread.currentThread() == reader && state != CLOSED) {
                batch = output.takeForInlineLocked();
            }
            if (batch == null) {
                signalWriterLocked();
            }
        } finally {
            lock.unlock();
        }
        if (batch != null) {
            writeInline(batch);
        }
        if (draining && isIdle()) {
            close(CloseReason.SHUTDOWN);
        }
    }

    /**
     * Writes a batch from the reader without blocking. What the socket does not take goes to the writer
     * thread, so a peer that stops reading never stalls the reader. Most replies fit, and then no
     * thread switch happens at all.
     */
    private void writeInline(ByteBufferSink batch) {
        ByteBuffer bytes = batch.readable();
        try {
            accountWritten(socket.writeNow(bytes), writeTime());
        } catch (IOException | RuntimeException e) {
            abortNow(CloseReason.IO_ERROR);
            return;
        }
        lock.lock();
        try {
            output.inlineWrittenLocked(batch, bytes);
            if (!bytes.hasRemaining()) {
                signalSettled();
                signalWriterLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isIdle() {
        lock.lock();
        try {
            return state == OPEN && !dispatching && !holdingPartialInput && output.emptyLocked()
                    && !decoder.hasPartialMessage();
        } finally {
            lock.unlock();
        }
    }

    // ---- output ------------------------------------------------------------------------------

    @Override
    public void write(O message) {
        boolean withinCap;
        lock.lock();
        try {
            if (state != OPEN) {
                return;
            }
            ByteBufferSink out = output.pendingLocked();
            int before = out.size();
            encoder.encode(message, out);
            counters().messagesOut.increment();
            withinCap = accountQueued(out.size() - before);
        } finally {
            lock.unlock();
        }
        if (!withinCap) {
            slowConsumer();
        }
    }

    @Override
    public void writeBytes(ByteBuffer bytes) {
        boolean withinCap;
        lock.lock();
        try {
            if (state != OPEN) {
                return;
            }
            output.pendingLocked().writeBytes(bytes);
            withinCap = accountQueued(bytes.remaining());
        } finally {
            lock.unlock();
        }
        if (!withinCap) {
            slowConsumer();
        }
    }

    @Override
    public void flush() {
        if (dispatching && Thread.currentThread() == reader) {
            return;
        }
        lock.lock();
        try {
            signalWriterLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Writes queued output from the session's own thread and waits until all of it is out. */
    void flushAndWait() {
        endOfBatch();
        awaitFlushed();
    }

    /** Blocks until queued output has been written or the connection closed. */
    private void awaitFlushed() {
        lock.lock();
        try {
            while (state == OPEN && !output.emptyLocked()) {
                settled().awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void signalWriterLocked() {
        boolean hasOutput = output.hasPendingLocked();
        if (!hasOutput && state != CLOSING) {
            return;
        }
        if (!hasOutput && !output.busyLocked()) {
            sendFinLocked();
            return;
        }
        output.wakeWriterLocked();
    }

    // ---- hooks for VtOutput's writer thread (under the output lock unless named otherwise) ----------

    /** The writer should exit: nothing more may be written. */
    boolean outputStoppedLocked() {
        return state == CLOSED || state == LINGERING;
    }

    /**
     * Everything queued is written. Finishes a close (FIN) or a shutdown drain that was waiting for it;
     * true when the writer has nothing left to do for good.
     */
    boolean outputDrainedLocked() {
        signalSettled();
        if (state == OPEN && draining && !dispatching && !holdingPartialInput && !decoder.hasPartialMessage()) {
            // Shutting down and the last reply is out: this connection is done.
            state = CLOSING;
            closeReason = CloseReason.SHUTDOWN;
        }
        if (state == CLOSING) {
            sendFinLocked();
            return true;
        }
        return false;
    }

    void signalSettledLocked() {
        signalSettled();
    }

    /** Bytes the writer put on the wire. Any thread. */
    void wrote(int n) {
        accountWritten(n, writeTime());
    }

    private long writeTime() {
        return timed ? System.nanoTime() : engine.coarseNow();
    }

    /** A write failed. Any thread. */
    void outputFailed() {
        if (!socket.closeRequested()) {
            abortNow(CloseReason.IO_ERROR);
        }
    }

    @Override
    protected void writabilityChanged(boolean nowWritable) {
        // Called with or without the output lock held, where the handler must not run. The change is queued and
        // delivered, in order, by a virtual thread of its own that takes the handler lock.
        java.util.Queue<Boolean> notices;
        lock.lock();
        try {
            if (writabilityNotices == null) {
                writabilityNotices = new java.util.concurrent.ConcurrentLinkedQueue<>();
            }
            notices = writabilityNotices;
            notices.add(nowWritable);
        } finally {
            lock.unlock();
        }
        Thread.ofVirtual().start(() -> {
            callbacks.lock();
            try {
                Boolean next;
                while ((next = notices.poll()) != null) {
                    if (state == OPEN && next != lastDeliveredWritable) {
                        lastDeliveredWritable = next;
                        ownerWritability(next);
                    }
                }
            } finally {
                callbacks.unlock();
            }
            flush();
        });
    }

    // ---- closing -----------------------------------------------------------------------------

    @Override
    public boolean isOpen() {
        return state == OPEN && !isCut();
    }

    @Override
    protected void close(CloseReason reason) {
        switch (reason) {
            case IO_ERROR, LOCAL_ABORT, SLOW_CONSUMER, SHUTDOWN_FORCED -> abortNow(reason);
            default -> {
                lock.lock();
                try {
                    if (state != OPEN) {
                        return;
                    }
                    state = CLOSING;
                    closeReason = reason;
                    if (!(dispatching && Thread.currentThread() == reader)) {
                        signalWriterLocked();
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private void sendFinLocked() {
        try {
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // the peer is gone already; closing below is all that is left
        }
        finished = true;
        signalSettled();
        group.signalChange();
        if (inputClosed || limits().closeLinger().isZero()) {
            state = CLOSED;
            closeChannel();
        } else {
            state = LINGERING;
            lingerDeadline = System.nanoTime() + limits().closeLinger().toNanos();
        }
    }

    void abortNow(CloseReason reason) {
        lock.lock();
        try {
            if (state == CLOSED) {
                return;
            }
            if (closeReason == null || state == OPEN) {
                closeReason = reason;
            }
            state = CLOSED;
            finished = true;
            output.discardLocked();
            clearQueued();
            signalSettled();
        } finally {
            lock.unlock();
        }
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException ignored) {
            // already closed
        }
        closeChannel();
    }

    /** Closes the socket, or asks the reader and the writer to, when either is inside it. */
    private void closeChannel() {
        if (!socket.close()) {
            Thread r = reader;
            if (r != null && r != Thread.currentThread()) {
                LockSupport.unpark(r);
            }
            output.wakeForClose();
        }
    }

    /** Idle timers, the linger deadline and writer retirement. Sweeper thread. */
    void sweep(long now) {
        int s = state;
        if (s == OPEN && hasTimers() && callbacks.tryLock()) {
            try {
                if (state == OPEN) {
                    ownerIdleCheck(now);
                }
            } finally {
                callbacks.unlock();
            }
            flush();
        } else if (s == LINGERING && now - lingerDeadline >= 0) {
            lock.lock();
            try {
                state = CLOSED;
            } finally {
                lock.unlock();
            }
            closeChannel();
        }
        output.releaseIfQuiet(now - writeMark, WRITER_RETIRE_NANOS);
    }

    void abortOnStop() {
        abortNow(CloseReason.SHUTDOWN_FORCED);
    }

    @Override
    protected void beginDrain() {
        draining = true;
        if (isIdle()) {
            close(CloseReason.SHUTDOWN);
        }
    }

    @Override
    protected boolean isFinished() {
        return finished;
    }

    @Override
    protected void forceClose() {
        abortNow(CloseReason.SHUTDOWN_FORCED);
    }

    @Override
    protected void release() {
        closeChannel();
    }

    // ---- sequential sessions -----------------------------------------------------------------

    private void runSession() throws IOException {
        VtSession<I, O> session = new VtSession<>(this, decoder);
        try {
            protocol.session().serve(session);
            flush();
            close(CloseReason.LOCAL_CLOSE);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            counters().errors.increment();
            log.warn("connection {}: session failed, closing the connection", id, t);
            abortNow(CloseReason.HANDLER_ERROR);
        }
    }

    ByteBuffer input() {
        return input.buffer();
    }

    void messageRead() {
        counters().messagesIn.increment();
        holdingPartialInput = input.buffer().hasRemaining();
    }

    void markInputClosed() {
        inputClosed = true;
    }
}
