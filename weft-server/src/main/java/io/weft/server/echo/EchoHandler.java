package io.weft.server.echo;

import io.weft.transport.Connection;
import io.weft.transport.Handler;
import java.nio.ByteBuffer;

/**
 * Sends every message back as it came. The message is a view on the engine's input buffer, and the
 * write copies it into the connection's output before {@code onMessage} returns, so nothing is
 * allocated per message.
 */
public final class EchoHandler implements Handler<ByteBuffer, ByteBuffer> {

    @Override
    public void onMessage(Connection<ByteBuffer> connection, ByteBuffer message) {
        connection.write(message);
    }
}
