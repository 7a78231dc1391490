package io.weft.transport.internal.vthread;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's socket as its virtual threads use it: reads and writes that wait, a write that does
 * not, and a close that is safe while those are in progress.
 *
 * <p>Two ways to do it:
 * <ul>
 *   <li>{@link #polled}: the channel stays non-blocking, and a thread that must wait parks on the JDK's
 *       poller itself ({@code SelChImpl.park}), as the JDK's own blocking calls do. The reader's write
 *       that must not wait is then a plain non-blocking write. The JDK's blocking calls cost more on
 *       both sides: a blocking read takes the channel's state lock twice and hooks the thread's
 *       interrupt, and a non-blocking write from a blocking channel switches its mode twice, each
 *       switch taking four locks. Seeing the poller needs
 *       {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}, as {@code ./weft} passes.
 *   <li>{@link #portable}: the channel stays blocking and the JDK waits; the write that must not wait
 *       switches the channel to non-blocking for the one call. Public API only: used when the poller
 *       is not visible.
 * </ul>
 *
 * <p>Closing a polled socket: a thread parked on the JDK's poller is registered there under the
 * descriptor's number, and the number is free for the next socket the moment it is closed. So the
 * descriptor is closed only once no thread can be inside a read, a write or a park on it. The reader
 * and the writer {@link #enter()} before their first I/O and {@link #exit()} after their last; a
 * {@link #close()} while either is inside is deferred, the caller wakes them, they see it in their
 * next wait and leave, and the last one out closes the channel. The JDK's own channel methods
 * (options, shutdown, available) are safe at any time and need none of this.
 */
abstract sealed class VtSocket permits VtSocket.Polled, VtSocket.Portable {

    private static final Logger log = LoggerFactory.getLogger(VtSocket.class);

    final SocketChannel channel;

    private VtSocket(SocketChannel channel) {
        this.channel = channel;
    }

    /** True when sockets can be {@link #polled}: the JDK's poller is visible and not turned off. */
    static boolean pollerAvailable() {
        return Polled.PARK != null;
    }

    /** A non-blocking socket whose waits park on the JDK's poller; needs {@link #pollerAvailable()}. */
    static VtSocket polled(SocketChannel channel) throws IOException {
        if (!pollerAvailable()) {
            throw new IllegalStateException("the JDK's poller is not visible (--add-exports java.base/sun.nio.ch)");
        }
        return new Polled(channel);
    }

    /** A blocking socket, public API only. */
    static VtSocket portable(SocketChannel channel) {
        return new Portable(channel);
    }

    /** Reads at least one byte, waiting for input; -1 at end of stream. {@code dst} must have room. */
    abstract int read(ByteBuffer dst) throws IOException;

    /**
     * True when a read on {@link #channel} returns at once (0 if nothing is waiting); wait with
     * {@link #awaitReadable()}. False when the channel's reads wait themselves.
     */
    abstract boolean readsNow();

    /** Waits until input may be waiting; only where {@link #readsNow()}. */
    void awaitReadable() throws IOException {
        throw new UnsupportedOperationException();
    }

    /** Writes what the socket takes now, without waiting; may be 0. Reader thread only. */
    abstract int writeNow(ByteBuffer src) throws IOException;

    /** Writes at least one byte, waiting for room. {@code src} must have bytes. */
    abstract int write(ByteBuffer src) throws IOException;

    /** An I/O thread starts using the socket. False when it is closing: do no I/O. */
    abstract boolean enter();

    /** An I/O thread is done with the socket; closes it if a close was waiting for that. */
    abstract void exit();

    /**
     * Closes the socket, or, while an I/O thread is inside, asks it to: the caller must then wake the
     * reader and the writer. True when the channel is closed already.
     */
    abstract boolean close();

    /**
     * True once a deferred close was asked for: a wait that then fails did so because of it, and the
     * close is not an error. Always false for a portable socket, whose close is never deferred.
     */
    abstract boolean closeRequested();

    void closeChannel() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that was left to do
        }
    }

    // ---- the two ways ------------------------------------------------------------------------

    static final class Polled extends VtSocket {

        /** {@code SelChImpl.park(int)} bound to (SocketChannel, int); null when not visible. */
        private static final MethodHandle PARK;
        private static final int POLLIN;
        private static final int POLLOUT;
        private static final VarHandle GATE;

        static {
            MethodHandle park = null;
            int in = 0;
            int out = 0;
            if (!Boolean.getBoolean("weft.vthread.portableIo")) {
                try {
                    Class<?> selChImpl = Class.forName("sun.nio.ch.SelChImpl");
                    park = MethodHandles.lookup()
                            .findVirtual(selChImpl, "park", MethodType.methodType(void.class, int.class))
                            .asType(MethodType.methodType(void.class, SocketChannel.class, int.class));
                    Class<?> net = Class.forName("sun.nio.ch.Net");
                    in = net.getField("POLLIN").getShort(null);
                    out = net.getField("POLLOUT").getShort(null);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    log.debug("virtual-thread sockets will use blocking channels: {}", e.toString());
                    park = null;
                }
            }
            PARK = park;
            POLLIN = in;
            POLLOUT = out;
            try {
                GATE = MethodHandles.lookup().findVarHandle(Polled.class, "gate", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private static final int CLOSE_REQUESTED = 1 << 30;

        /** I/O threads inside (low bits), and {@link #CLOSE_REQUESTED} once a close was asked for. */
        private volatile int gate;

        private Polled(SocketChannel channel) throws IOException {
            super(channel);
            channel.configureBlocking(false);
        }

        @Override
        int read(ByteBuffer dst) throws IOException {
            int n;
            while ((n = channel.read(dst)) == 0) {
                await(POLLIN);
            }
            return n;
        }

        @Override
        boolean readsNow() {
            return true;
        }

        @Override
        void awaitReadable() throws IOException {
            await(POLLIN);
        }

        @Override
        int writeNow(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        int write(ByteBuffer src) throws IOException {
            int n;
            while ((n = channel.write(src)) == 0) {
                await(POLLOUT);
            }
            return n;
        }

        /** Parks until the socket is ready for {@code event}, or a close is asked for (then throws). */
        private void await(int event) throws IOException {
            // A close sets the flag, then unparks: checked here, before the park, nothing is missed.
            if ((gate & CLOSE_REQUESTED) != 0) {
                throw new AsynchronousCloseException();
            }
            try {
                PARK.invokeExact(channel, event);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IOException(t);
            }
        }

        @Override
        boolean enter() {
            int g;
            do {
                g = gate;
                if ((g & CLOSE_REQUESTED) != 0) {
                    return false;
                }
            } while (!GATE.compareAndSet(this, g, g + 1));
            return true;
        }

        @Override
        void exit() {
            if ((int) GATE.getAndAdd(this, -1) - 1 == CLOSE_REQUESTED) {
                closeChannel();
            }
        }

        @Override
        boolean closeRequested() {
            return (gate & CLOSE_REQUESTED) != 0;
        }

        @Override
        boolean close() {
            int before = (int) GATE.getAndBitwiseOr(this, CLOSE_REQUESTED);
            if ((before & ~CLOSE_REQUESTED) != 0) {
                return false;
            }
            closeChannel();
            return true;
        }
    }

    static final class Portable extends VtSocket {

        private Portable(SocketChannel channel) {
            super(channel);
        }

        @Override
        int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        boolean readsNow() {
            return false;
        }

        /**
         * Switches the channel to non-blocking for the one call (for a socket used by virtual threads
         * that only flips a flag; no system call). Switching waits for any read in progress, so only
         * the reader, the one thread that is not in a read, may call this.
         */
        @Override
        int writeNow(ByteBuffer src) throws IOException {
            channel.configureBlocking(false);
            try {
                return channel.write(src);
            } finally {
                channel.configureBlocking(true);
            }
        }

        @Override
        int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        boolean enter() {
            return true;
        }

        @Override
        void exit() {
        }

        @Override
        boolean closeRequested() {
            return false;
        }

        /** The JDK's blocking close wakes threads blocked on the channel and defers the final close itself. */
        @Override
        boolean close() {
            closeChannel();
            return true;
        }
    }
}
