package io.weft.transport.internal.vthread;

import io.weft.transport.Listener;
import io.weft.transport.ShutdownSummary;
import io.weft.transport.internal.ConnectionGroup;
import io.weft.transport.internal.Sockets;
import io.weft.transport.spi.BoundListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts on a virtual thread and starts a virtual thread per connection. */
final class VtAcceptor implements BoundListener, Runnable {

    private static final Logger log = LoggerFactory.getLogger(VtAcceptor.class);

    private final VirtualThreadEngine engine;
    private final Listener listener;
    private final ConnectionGroup group;
    private final ServerSocketChannel server;
    private final InetSocketAddress localAddress;

    VtAcceptor(VirtualThreadEngine engine, Listener listener, ConnectionGroup group) throws IOException {
        this.engine = engine;
        this.listener = listener;
        this.group = group;
        this.server = Sockets.listen(listener);
        this.localAddress = (InetSocketAddress) server.getLocalAddress();
    }

    void start() {
        Thread.ofVirtual().name("weft-accept-" + listener.name()).start(this);
    }

    @Override
    public void run() {
        while (server.isOpen()) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.warn("listener {}: accept failed: {}", listener.name(), e.toString());
                Thread.yield();
                continue;
            }
            if (!group.tryAdmit()) {
                Sockets.reject(channel, listener.protocol().rejectReply());
                continue;
            }
            try {
                engine.start(group, listener.protocol(), channel, null);
            } catch (IOException | RuntimeException e) {
                group.release();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // never registered
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
