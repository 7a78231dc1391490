package io.weft.transport.internal.vthread;

import io.weft.codec.ByteBufferSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection's output: the buffer writes are encoded into, and the writer virtual thread that
 * finishes what the reader could not write without blocking.
 *
 * <p>At most one party writes to the socket at a time, the one holding {@code busy}: the reader (an
 * inline, non-blocking write) or the writer thread (blocking writes). Methods named {@code ...Locked}
 * run under the connection's output lock; the writer takes that lock itself.
 */
final class VtOutput {

    private final VtConnection<?, ?> connection;
    private final VtSocket socket;
    private final ReentrantLock lock;

    private ByteBufferSink pending;
    /** An emptied buffer kept for the next batch; dropped when the connection has been quiet. */
    private volatile ByteBufferSink spare;
    private volatile Thread writer;
    /** A batch the reader started writing inline and left for the writer to finish. */
    private ByteBufferSink carrySink;
    private ByteBuffer carryBytes;
    private boolean busy;
    private boolean retire;

    VtOutput(VtConnection<?, ?> connection, VtSocket socket, ReentrantLock lock) {
        this.connection = connection;
        this.socket = socket;
        this.lock = lock;
    }

    /** The buffer new output is appended to. */
    ByteBufferSink pendingLocked() {
        if (pending == null) {
            pending = spare != null ? spare : new ByteBufferSink(VtInput.SMALL_READ);
            spare = null;
        }
        return pending;
    }

    boolean hasPendingLocked() {
        return pending != null && pending.size() > 0;
    }

    /** Someone is writing to the socket. */
    boolean busyLocked() {
        return busy;
    }

    /** Nothing queued and nothing being written. */
    boolean emptyLocked() {
        return !busy && !hasPendingLocked();
    }

    /** Takes the queued batch for an inline write by the reader, or null when someone else writes. */
    ByteBufferSink takeForInlineLocked() {
        if (busy || !hasPendingLocked()) {
            return null;
        }
        ByteBufferSink batch = pending;
        pending = null;
        busy = true;
        return batch;
    }

    /** After an inline write: hands what is left to the writer thread, or recycles the batch. */
    void inlineWrittenLocked(ByteBufferSink batch, ByteBuffer rest) {
        if (rest.hasRemaining()) {
            carrySink = batch;
            carryBytes = rest;
            wakeWriterLocked();
        } else {
            recycleLocked(batch);
        }
    }

    private void recycleLocked(ByteBufferSink batch) {
        batch.clear();
        spare = batch;
        busy = false;
    }

    /** Starts the writer thread, or wakes it. */
    void wakeWriterLocked() {
        Thread w = writer;
        if (w == null) {
            writer = Thread.ofVirtual().start(this::run);
        } else {
            LockSupport.unpark(w);
        }
    }

    /** Drops all output: the connection is closed. */
    void discardLocked() {
        pending = null;
        spare = null;
        Thread w = writer;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * Called by the idle sweeper: after {@code quietNanos} without a write, let the spare buffer go and
     * retire the writer thread, so an idle connection holds neither.
     */
    void releaseIfQuiet(long nanosSinceWrite, long quietNanos) {
        if (nanosSinceWrite <= quietNanos || (spare == null && writer == null)) {
            return;
        }
        lock.lock();
        try {
            if (!busy && !hasPendingLocked()) {
                spare = null;
                Thread w = writer;
                if (w != null) {
                    retire = true;
                    LockSupport.unpark(w);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The socket is closing: a writer waiting for room in it must look up and leave. */
    void wakeForClose() {
        Thread w = writer;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** The writer thread: inside the socket for as long as it runs (see {@link VtSocket}). */
    private void run() {
        if (!socket.enter()) {
            // Closing already: whatever was queued is being dropped.
            lock.lock();
            try {
                writer = null;
                connection.signalSettledLocked();
            } finally {
                lock.unlock();
            }
            return;
        }
        try {
            writeUntilStopped();
        } finally {
            socket.exit();
        }
    }

    /** Takes batches and writes them, waiting for room as needed, until told to stop. */
    private void writeUntilStopped() {
        ByteBufferSink batch = null;
        ByteBuffer bytes;
        while (true) {
            lock.lock();
            try {
                if (batch != null) {
                    recycleLocked(batch);
                    batch = null;
                }
                bytes = null;
                if (connection.outputStoppedLocked()) {
                    writer = null;
                    connection.signalSettledLocked();
                    return;
                }
                if (carrySink != null) {
                    // The reader wrote part of this batch; finish it (busy is already ours).
                    batch = carrySink;
                    bytes = carryBytes;
                    carrySink = null;
                    carryBytes = null;
                } else if (busy) {
                    // The reader is writing inline and will wake us if it leaves anything.
                } else if (hasPendingLocked()) {
                    batch = pending;
                    bytes = batch.readable();
                    pending = null;
                    busy = true;
                } else if (connection.outputDrainedLocked()) {
                    writer = null;
                    return;
                } else if (retire) {
                    retire = false;
                    spare = null;
                    writer = null;
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (bytes == null) {
                LockSupport.park(this);
            } else if (!writeFully(bytes)) {
                return;
            }
        }
    }

    private boolean writeFully(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                connection.wrote(socket.write(bytes));
            }
            return true;
        } catch (IOException e) {
            connection.outputFailed();
            lock.lock();
            try {
                writer = null;
                busy = false;
            } finally {
                lock.unlock();
            }
            return false;
        }
    }
}
