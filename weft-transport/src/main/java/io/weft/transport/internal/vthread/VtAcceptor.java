package io.weft.transport.internal.vthread;

import io.weft.transport.Listener;
import io.weft.transport.internal.AcceptLoop;
import io.weft.transport.internal.ConnectionGroup;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/** Accepts on a virtual thread and starts a virtual thread per connection. */
final class VtAcceptor extends AcceptLoop {

    private final VirtualThreadEngine engine;

    VtAcceptor(VirtualThreadEngine engine, Listener listener, ConnectionGroup group) throws IOException {
        super(listener, group);
        this.engine = engine;
    }

    @Override
    protected void serve(SocketChannel channel) throws IOException {
        engine.start(group, listener.protocol(), channel, null);
    }
}
