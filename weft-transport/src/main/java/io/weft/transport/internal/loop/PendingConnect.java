package io.weft.transport.internal.loop;

import io.weft.transport.Connection;
import io.weft.transport.Protocol;
import io.weft.transport.internal.ConnectionGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/** An outbound connection between {@code connect()} and the selector's OP_CONNECT. */
record PendingConnect<I, O>(ConnectionGroup group, Protocol<I, O> protocol, SocketChannel channel,
                            CompletableFuture<Connection<O>> result) {

    /** Starts the connect on {@code loop}; completes at once if the kernel connects synchronously. */
    void start(EventLoop loop, InetSocketAddress remote) {
        try {
            if (channel.connect(remote)) {
                established(loop, null);
            } else {
                channel.register(loop.selector, SelectionKey.OP_CONNECT, this);
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    void onConnectable(EventLoop loop, SelectionKey key) {
        try {
            if (channel.finishConnect()) {
                established(loop, key);
            }
        } catch (IOException | RuntimeException e) {
            key.cancel();
            fail(e);
        }
    }

    private void established(EventLoop loop, SelectionKey key) throws IOException {
        if (!group.tryAdmit()) {
            throw new IOException("connector is at its connection limit");
        }
        var c = new LoopConnection<>(loop, group, protocol, channel,
                (InetSocketAddress) channel.getLocalAddress(), (InetSocketAddress) channel.getRemoteAddress());
        c.open(key);
        result.complete(c);
    }

    private void fail(Exception e) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the connect failed; the channel holds nothing worth reporting
        }
        result.completeExceptionally(e);
    }
}
