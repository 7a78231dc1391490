package io.weft.transport.internal.vthread;

import io.weft.transport.internal.SharedBufferPool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A reader's input buffer. While idle the reader waits on a small buffer of its own, so a quiet
 * connection pins nothing large. Reader thread only.
 *
 * <p>A read goes into the small buffer. When it fills, the burst (a pipelining client) continues in a
 * large pooled buffer, which goes back to the pool after each batch ({@link #shrink()}) and before
 * every wait, unless it holds a partial message too big for the small one. On a
 * {@linkplain VtSocket#readsNow() polled socket} the second read simply finds what is waiting, or
 * nothing; on a portable one, whose reads wait, the reader first asks the socket whether more is
 * waiting (one ioctl).
 */
final class VtInput {

    static final int SMALL_READ = 128;
    static final int LARGE_READ = 64 * 1024;

    private final VtSocket socket;
    private final SocketChannel channel;
    private final SharedBufferPool largeBuffers;
    private final ByteBuffer small = ByteBuffer.allocate(SMALL_READ);
    /** Unconsumed input, in read mode (position to limit). */
    private ByteBuffer in = small.flip();
    private boolean readFilledLast;
    /** The last fill read more than the small buffer holds, so the next may well too. */
    private boolean bursting;
    private InputStream availability;

    VtInput(VtSocket socket, SharedBufferPool largeBuffers) {
        this.socket = socket;
        this.channel = socket.channel;
        this.largeBuffers = largeBuffers;
    }

    /** The unconsumed input, position to limit; the decoder reads from here. */
    ByteBuffer buffer() {
        return in;
    }

    /**
     * Reads more input after what is unconsumed, blocking until some arrives. Returns the byte count,
     * or -1 at end of stream.
     */
    int fill() throws IOException {
        in.compact();
        if (!in.hasRemaining()) {
            grow();
        } else if (burstOver(in.position())) {
            // The burst is over: back to the small buffer before waiting, so idle means small.
            backToSmall();
        }
        if (socket.readsNow()) {
            return fillNow();
        }
        int space = in.remaining();
        int n = socket.read(in);
        readFilledLast = n == space;
        // A burst: carry on in a large buffer. Input is waiting, so that read does not wait either.
        if (n > 0 && readFilledLast && in == small && available() > 0) {
            return n + readOnIntoLarge();
        }
        in.flip();
        return n;
    }

    /**
     * Polled sockets: reads what is waiting; when that fills the small buffer, the rest of the burst
     * follows into a large one in a second read, with no ioctl to ask first, and the next burst goes
     * straight into the large one ({@link #keepLarge()}). Waits, holding the small buffer, only after
     * a read found nothing.
     */
    private int fillNow() throws IOException {
        while (true) {
            int space = in.remaining();
            int n = channel.read(in);
            if (n > 0 && n == space && in == small) {
                bursting = true;
                return n + readOnIntoLarge();
            }
            if (n != 0) {
                bursting = n > small.capacity();
                in.flip();
                readFilledLast = n == space;
                return n;
            }
            if (in != small && in.position() <= small.capacity()) {
                backToSmall();
            }
            socket.awaitReadable();
        }
    }

    /**
     * The small buffer (write mode) filled: moves its bytes into a large pooled buffer and reads on
     * into that without waiting. Returns the bytes that second read got; at end of stream, 0 (the
     * next read reports it).
     */
    private int readOnIntoLarge() throws IOException {
        in = largeBuffers.acquire().put(small.flip());
        small.clear();
        int space = in.remaining();
        int more = channel.read(in);
        readFilledLast = more == space;
        in.flip();
        return Math.max(more, 0);
    }

    /**
     * After a batch has been handled: the unconsumed input goes back into the small buffer if it fits
     * and no more is known to be waiting, so a reader between reads holds no large buffer either.
     */
    void shrink() {
        if (burstOver(in.remaining())) {
            in.compact();
            backToSmall();
            in.flip();
        }
    }

    /**
     * True when the reader holds a large buffer it can give back: the {@code unconsumed} bytes fit the
     * small one, no more is known to be waiting, and no burst is going on.
     */
    private boolean burstOver(int unconsumed) {
        return in != small && unconsumed <= small.capacity() && !readFilledLast && !keepLarge();
    }

    /**
     * While bursts keep coming, a polled reader keeps its large buffer from one batch to the next and
     * reads each burst in one call instead of two. It still gives the buffer back before it waits
     * ({@link #fillNow()}), so a waiting reader holds only its small buffer. A portable reader's read
     * waits itself, so it never keeps one.
     */
    private boolean keepLarge() {
        return bursting && socket.readsNow();
    }

    /** Moves the unconsumed input (write mode) from a larger buffer into the small one. */
    private void backToSmall() {
        ByteBuffer larger = in;
        in = small.clear().put(larger.flip());
        if (isPooled(larger)) {
            largeBuffers.release(larger);
        }
    }

    /** An incomplete message fills the buffer: grow it; the decoder's limits bound how far. */
    private void grow() {
        ByteBuffer old = in;
        int capacity = old == small ? LARGE_READ : old.capacity() * 2;
        ByteBuffer bigger = capacity == LARGE_READ ? largeBuffers.acquire() : ByteBuffer.allocate(capacity);
        in = bigger.put(old.flip());
        if (old == small) {
            small.clear();
        } else if (isPooled(old)) {
            largeBuffers.release(old);
        }
    }

    private int available() throws IOException {
        if (availability == null) {
            availability = channel.socket().getInputStream();
        }
        return availability.available();
    }

    private static boolean isPooled(ByteBuffer b) {
        return b.isDirect() && b.capacity() == LARGE_READ;
    }

    /** Gives a borrowed large buffer back; the connection is done reading. */
    void release() {
        if (isPooled(in)) {
            largeBuffers.release(in);
        }
        in = small.clear().flip();
    }
}
