package io.weft.transport.internal.loop;

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

/** Accepts on a blocking platform thread and hands each connection to the next event loop. */
final class LoopAcceptor implements BoundListener, Runnable {

    private static final Logger log = LoggerFactory.getLogger(LoopAcceptor.class);

    private final EventLoopEngine engine;
    private final Listener listener;
    private final ConnectionGroup group;
    private final ServerSocketChannel server;
    private final InetSocketAddress localAddress;
    private final Thread thread;

    LoopAcceptor(EventLoopEngine engine, Listener listener, ConnectionGroup group) throws IOException {
        this.engine = engine;
        this.listener = listener;
        this.group = group;
        this.server = Sockets.listen(listener);
        this.localAddress = (InetSocketAddress) server.getLocalAddress();
        this.thread = Thread.ofPlatform().name("weft-accept-" + listener.name()).daemon(true).unstarted(this);
    }

    void start() {
        thread.start();
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
                // EMFILE and friends: log, back off a little so we do not spin, keep serving the rest.
                log.warn("listener {}: accept failed: {}", listener.name(), e.toString());
                Thread.onSpinWait();
                continue;
            }
            if (!group.tryAdmit()) {
                Sockets.reject(channel, listener.protocol().rejectReply());
                continue;
            }
            try {
                channel.configureBlocking(false);
                Sockets.configure(channel);
                InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
                EventLoop loop = engine.nextLoop();
                loop.execute(() -> register(loop, channel, remote));
            } catch (IOException | RuntimeException e) {
                group.release();
                closeQuietly(channel);
            }
        }
    }

    private void register(EventLoop loop, SocketChannel channel, InetSocketAddress remote) {
        try {
            var c = new LoopConnection<>(loop, group, listener.protocol(), channel, localAddress, remote);
            c.open(null);
        } catch (IOException | RuntimeException e) {
            group.release();
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was registered yet
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
