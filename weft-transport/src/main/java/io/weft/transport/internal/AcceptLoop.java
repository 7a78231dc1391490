package io.weft.transport.internal;

import io.weft.transport.Listener;
import io.weft.transport.ShutdownSummary;
import io.weft.transport.spi.BoundListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening socket and the thread that accepts on it, shared by both engines: admission against
 * the connection limit, the reject reply, and back-off when accept fails. Each engine says what to do
 * with an admitted connection.
 */
public abstract class AcceptLoop implements BoundListener, Runnable {

    private static final Logger log = LoggerFactory.getLogger(AcceptLoop.class);

    protected final Listener listener;
    protected final ConnectionGroup group;
    private final ServerSocketChannel server;
    private final InetSocketAddress localAddress;

    protected AcceptLoop(Listener listener, ConnectionGroup group) throws IOException {
        this.listener = listener;
        this.group = group;
        this.server = Sockets.listen(listener);
        this.localAddress = (InetSocketAddress) server.getLocalAddress();
    }

    /** Starts accepting on a thread made by {@code threads} (platform or virtual, as the engine likes). */
    public void start(Thread.Builder threads) {
        threads.name("weft-accept-" + listener.name()).start(this);
    }

    /**
     * Takes over an admitted connection (blocking mode, as accepted). Throwing gives the slot back and
     * closes the channel.
     */
    protected abstract void serve(SocketChannel channel) throws IOException;

    @Override
    public void run() {
        while (server.isOpen()) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // Out of file descriptors and the like: the pending connection stays in the backlog,
                // so back off instead of spinning on it, and keep serving the connections we have.
                log.warn("listener {}: accept failed: {}", listener.name(), e.toString());
                Sockets.acceptBackoff();
                continue;
            }
            if (!group.tryAdmit()) {
                Sockets.reject(channel, listener.protocol().rejectReply());
                continue;
            }
            try {
                serve(channel);
            } catch (IOException | RuntimeException e) {
                group.release();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // never registered; nothing else holds it
                }
            }
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public void stopAccepting() {
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing listener {}: {}", listener.name(), e.toString());
        }
    }

    @Override
    public ShutdownSummary drain(long deadlineNanos) throws InterruptedException {
        return group.drain(deadlineNanos);
    }
}
