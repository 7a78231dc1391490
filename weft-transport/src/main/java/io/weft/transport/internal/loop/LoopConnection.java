package io.weft.transport.internal.loop;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.ProtocolException;
import io.weft.transport.CloseReason;
import io.weft.transport.Protocol;
import io.weft.transport.internal.BaseConnection;
import io.weft.transport.internal.ConnectionGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * A connection served by an {@link EventLoop}. All fields except the volatile ones are touched only on
 * the loop thread.
 *
 * <p>Input is read into the loop's shared buffer and decoded in place; only the bytes of an incomplete
 * message are copied into a pooled buffer of the connection's own. Output is encoded into pooled
 * chunks (through the loop's {@link LoopSink}); the last chunk takes appends, and each chunk
 * goes back to the pool once written, so a quiet connection holds no buffer at all.
 */
final class LoopConnection<I, O> extends BaseConnection<I, O> {

    /** Reads per readiness event, so one busy peer cannot starve the rest of the loop. */
    private static final int READS_PER_EVENT = 16;

    private static final int OPEN = 0;
    /** Close requested: no new messages; flushing queued output, then FIN. */
    private static final int CLOSING = 1;
    /** FIN sent: waiting for the peer's FIN (discarding input) until the linger passes. */
    private static final int LINGERING = 2;
    private static final int CLOSED = 3;

    private final EventLoop loop;
    private final SocketChannel channel;
    private SelectionKey key;
    private volatile int state = OPEN;
    private volatile boolean finished;
    private CloseReason closeReason;
    private boolean draining;
    private boolean inputClosed;
    private boolean dispatching;
    private boolean flushDeferred;
    private long lingerDeadline;
    /** Unconsumed input (an incomplete message), in write mode; null when there is none. */
    private ByteBuffer inbound;
    /** Queued output; the last chunk is in write mode, the others in read mode. Null when empty. */
    private ArrayDeque<ByteBuffer> out;
    int loopIndex = -1;

    LoopConnection(EventLoop loop, ConnectionGroup group, Protocol<I, O> protocol, SocketChannel channel,
                   InetSocketAddress local, InetSocketAddress remote) {
        super(group, protocol, local, remote, loop.now);
        this.loop = loop;
        this.channel = channel;
    }

    /** Registers with the loop's selector and calls onOpen. Loop thread. */
    void open(SelectionKey existing) throws IOException {
        key = existing != null ? existing : channel.register(loop.selector, SelectionKey.OP_READ, this);
        key.attach(this);
        key.interestOps(SelectionKey.OP_READ);
        long sweep = Math.min(sweepIntervalNanos(limits()),
                Math.clamp(limits().closeLinger().toNanos() / 10, 10_000_000L, 1_000_000_000L));
        loop.add(this, sweep);
        group.register(this);
        ownerOpen();
        finishBatch();
    }

    // ---- readiness ---------------------------------------------------------------------------

    void onReady(SelectionKey k) {
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0 && state != CLOSED) {
            flushNow();
        }
        if ((ready & SelectionKey.OP_READ) != 0 && state != CLOSED) {
            if (state == LINGERING || inputClosed) {
                discardInput();
            } else {
                readBatch();
            }
        }
    }

    private void readBatch() {
        dispatching = true;
        try {
            for (int i = 0; i < READS_PER_EVENT && state == OPEN; i++) {
                ByteBuffer buf = inbound != null ? inbound : loop.readBuffer.clear();
                int space = buf.remaining();
                int n = channel.read(buf);
                if (n < 0) {
                    peerClosedInput();
                    break;
                }
                if (n == 0) {
                    break;
                }
                readMark = loop.now;
                counters().bytesIn.add(n);
                buf.flip();
                decodeAll(buf);
                keepLeftover(buf);
                if (n < space) {
                    break;
                }
            }
        } catch (IOException e) {
            abortNow(CloseReason.IO_ERROR);
        } finally {
            dispatching = false;
        }
        finishBatch();
    }

    private void decodeAll(ByteBuffer buf) {
        while (state == OPEN && buf.hasRemaining()) {
            I message;
            try {
                message = decoder.decode(buf);
            } catch (ProtocolException e) {
                protocolError(e);
                return;
            }
            if (message == null || !ownerMessage(message)) {
                return;
            }
        }
    }

    /** Keeps the undecoded tail of {@code buf} for the next read; drops it if the connection is done. */
    private void keepLeftover(ByteBuffer buf) {
        if (!buf.hasRemaining() || state != OPEN) {
            releaseInbound();
            return;
        }
        if (buf == inbound) {
            buf.compact();
            if (!buf.hasRemaining()) {
                // A message larger than what we hold: grow; the decoder's limits bound how far.
                ByteBuffer bigger = loop.pool.acquire(buf.capacity() * 2);
                bigger.put(buf.flip());
                loop.pool.release(buf);
                inbound = bigger;
            }
        } else {
            ByteBuffer keep = loop.pool.acquire(Math.max(buf.remaining() * 2, loop.pool.chunkSize()));
            inbound = keep.put(buf);
        }
    }

    private void releaseInbound() {
        if (inbound != null) {
            loop.pool.release(inbound);
            inbound = null;
        }
    }

    private void peerClosedInput() {
        inputClosed = true;
        close(CloseReason.PEER_CLOSED);
    }

    private void discardInput() {
        try {
            while (true) {
                int n = channel.read(loop.readBuffer.clear());
                if (n < 0) {
                    inputClosed = true;
                    if (state == LINGERING) {
                        finalClose();
                    } else {
                        updateInterest();
                    }
                    return;
                }
                if (n == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            abortNow(CloseReason.IO_ERROR);
        }
    }

    private void protocolError(ProtocolException e) {
        counters().errors.increment();
        log.debug("connection {}: protocol error: {}", id, e.getMessage());
        if (e.reply() != null) {
            writeBytes(e.reply());
        }
        close(CloseReason.PROTOCOL_ERROR);
    }

    /** After a batch of callbacks: flush what they wrote, and finish a close or drain if due. */
    private void finishBatch() {
        if (state == CLOSED) {
            return;
        }
        if (loop.dispatchingReady) {
            if (!flushDeferred) {
                flushDeferred = true;
                loop.deferFlush(this);
            }
            return;
        }
        finishDeferred();
    }

    void finishDeferred() {
        flushDeferred = false;
        if (state == CLOSED) {
            return;
        }
        if (out != null) {
            flushNow();
        } else {
            afterFlush();
        }
    }

    // ---- output ------------------------------------------------------------------------------

    @Override
    public void write(O message) {
        if (!loop.inLoop()) {
            ByteBufferSink copy = new ByteBufferSink(64);
            encoder.encode(message, copy);
            enqueueForeign(copy.written(), true);
            return;
        }
        if (state != OPEN) {
            return;
        }
        LoopSink sink = loop.sink.target(this);
        encoder.encode(message, sink);
        counters().messagesOut.increment();
        if (!accountQueued(sink.written())) {
            slowConsumer();
        }
    }

    @Override
    public void writeBytes(ByteBuffer bytes) {
        if (!loop.inLoop()) {
            ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).put(bytes.duplicate()).flip();
            enqueueForeign(copy, false);
            return;
        }
        if (state != OPEN) {
            return;
        }
        writeBytes0(bytes);
        if (!accountQueued(bytes.remaining())) {
            slowConsumer();
        }
    }

    /** Output from another thread: accounted now (so a slow consumer is caught at once), appended on the loop. */
    private void enqueueForeign(ByteBuffer bytes, boolean message) {
        if (state != OPEN) {
            return;
        }
        if (!accountQueued(bytes.remaining())) {
            slowConsumer();
            return;
        }
        loop.execute(() -> {
            if (state == OPEN) {
                writeBytes0(bytes);
                if (message) {
                    counters().messagesOut.increment();
                }
            } else {
                discardQueued(bytes.remaining());
            }
        });
    }

    @Override
    public void flush() {
        if (!loop.inLoop()) {
            loop.execute(this::flush);
            return;
        }
        if (!dispatching && state != CLOSED) {
            flushNow();
        }
    }

    private void flushNow() {
        if (out == null) {
            afterFlush();
            return;
        }
        ByteBuffer tail = out.peekLast().flip();
        try {
            boolean progressed = true;
            while (!out.isEmpty() && progressed) {
                long written;
                if (out.size() == 1) {
                    written = channel.write(out.peekFirst());
                } else {
                    int n = Math.min(out.size(), loop.gather.length);
                    int i = 0;
                    for (ByteBuffer b : out) {
                        if (i == n) {
                            break;
                        }
                        loop.gather[i++] = b;
                    }
                    written = channel.write(loop.gather, 0, n);
                    java.util.Arrays.fill(loop.gather, 0, n, null);
                }
                accountWritten(written, loop.now);
                progressed = false;
                while (!out.isEmpty() && !out.peekFirst().hasRemaining()) {
                    loop.pool.release(out.pollFirst());
                    progressed = true;
                }
            }
        } catch (IOException e) {
            abortNow(CloseReason.IO_ERROR);
            return;
        }
        if (out.isEmpty()) {
            loop.releaseQueue(out);
            out = null;
        } else {
            tail.compact();
        }
        updateInterest();
        afterFlush();
    }

    private void afterFlush() {
        if (out != null) {
            return;
        }
        if (state == CLOSING) {
            sendFin();
        } else if (draining && state == OPEN && isIdle()) {
            close(CloseReason.SHUTDOWN);
        }
    }

    private boolean isIdle() {
        return out == null && inbound == null && queuedOutputBytes() == 0 && !decoder.hasPartialMessage();
    }

    private void updateInterest() {
        if (state == CLOSED || !key.isValid()) {
            return;
        }
        int ops = 0;
        if (out != null) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (!inputClosed) {
            ops |= SelectionKey.OP_READ;
        }
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    @Override
    protected void writabilityChanged(boolean nowWritable) {
        // Never re-enter the handler from inside a flush or an encode: deliver at the end of the turn.
        loop.later(() -> {
            if (state == OPEN) {
                ownerWritability(nowWritable);
            }
        });
    }

    // ---- ByteSink: appends to the tail chunk ---------------------------------------------------

    private ByteBuffer tail(int atLeast) {
        ByteBuffer t = out == null ? null : out.peekLast();
        if (t == null || t.remaining() < atLeast) {
            if (t != null) {
                t.flip();
            }
            if (out == null) {
                out = loop.acquireQueue();
            }
            t = loop.pool.acquire(loop.pool.chunkSize());
            out.addLast(t);
        }
        return t;
    }

    void sinkByte(int value) {
        tail(1).put((byte) value);
    }

    void sinkInt(int value) {
        tail(4).putInt(value);
    }

    void sinkBytes(byte[] source, int offset, int length) {
        while (length > 0) {
            ByteBuffer t = tail(1);
            int n = Math.min(length, t.remaining());
            t.put(source, offset, n);
            offset += n;
            length -= n;
        }
    }

    void writeBytes0(ByteBuffer source) {
        int from = source.position();
        int length = source.remaining();
        while (length > 0) {
            ByteBuffer t = tail(1);
            int n = Math.min(length, t.remaining());
            t.put(t.position(), source, from, n);
            t.position(t.position() + n);
            from += n;
            length -= n;
        }
    }

    // ---- closing -----------------------------------------------------------------------------

    @Override
    public boolean isOpen() {
        return state == OPEN && !isCut();
    }

    @Override
    protected void close(CloseReason reason) {
        if (!loop.inLoop()) {
            loop.execute(() -> close(reason));
            return;
        }
        if (state == CLOSED) {
            return;
        }
        switch (reason) {
            case IO_ERROR, LOCAL_ABORT, SLOW_CONSUMER, SHUTDOWN_FORCED -> abortNow(reason);
            default -> {
                if (state != OPEN) {
                    return;
                }
                closeReason = reason;
                state = CLOSING;
                releaseInbound();
                if (!dispatching) {
                    flushNow();
                }
            }
        }
    }

    private void sendFin() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            abortNow(CloseReason.IO_ERROR);
            return;
        }
        finished = true;
        group.signalChange();
        if (inputClosed || limits().closeLinger().isZero()) {
            finalClose();
        } else {
            state = LINGERING;
            lingerDeadline = loop.now + limits().closeLinger().toNanos();
            updateInterest();
        }
    }

    private void abortNow(CloseReason reason) {
        if (state == CLOSED) {
            return;
        }
        if (closeReason == null || state == OPEN) {
            closeReason = reason;
        }
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException ignored) {
            // the socket may already be gone; closing it is all that matters
        }
        clearQueued();
        finalClose();
    }

    private void finalClose() {
        if (state == CLOSED) {
            return;
        }
        state = CLOSED;
        finished = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed by the peer or by an abort
        }
        releaseInbound();
        if (out != null) {
            for (ByteBuffer b : out) {
                loop.pool.release(b);
            }
            out.clear();
            loop.releaseQueue(out);
            out = null;
        }
        loop.remove(this);
        group.unregister(this);
        ownerClosed(closeReason == null ? CloseReason.LOCAL_CLOSE : closeReason);
    }

    /** Timers: idle events while open, the linger deadline while lingering. Loop thread. */
    void sweep(long now) {
        if (state == OPEN) {
            ownerIdleCheck(now);
            finishBatch();
        } else if (state == LINGERING && now - lingerDeadline >= 0) {
            finalClose();
        }
    }

    void abortOnStop() {
        abortNow(CloseReason.SHUTDOWN_FORCED);
    }

    // ---- drain (BaseConnection) --------------------------------------------------------------

    @Override
    protected void beginDrain() {
        loop.execute(() -> {
            draining = true;
            if (state == OPEN && !dispatching) {
                afterFlush();
            }
        });
    }

    @Override
    protected boolean isFinished() {
        return finished;
    }

    @Override
    protected void forceClose() {
        close(CloseReason.SHUTDOWN_FORCED);
    }

    @Override
    protected void release() {
        loop.execute(this::finalClose);
    }
}
