package io.weft.transport.internal.loop;

import io.weft.transport.Listener;
import io.weft.transport.internal.AcceptLoop;
import io.weft.transport.internal.ConnectionGroup;
import io.weft.transport.internal.Sockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/** Accepts on a blocking platform thread and hands each connection to the next event loop. */
final class LoopAcceptor extends AcceptLoop {

    private final EventLoopEngine engine;

    LoopAcceptor(EventLoopEngine engine, Listener listener, ConnectionGroup group) throws IOException {
        super(listener, group);
        this.engine = engine;
    }

    @Override
    protected void serve(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        Sockets.configure(channel);
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        EventLoop loop = engine.nextLoop();
        loop.execute(() -> register(loop, channel, remote));
    }

    private void register(EventLoop loop, SocketChannel channel, InetSocketAddress remote) {
        try {
            var c = new LoopConnection<>(loop, group, listener.protocol(), channel, localAddress(), remote);
            c.open(null);
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
