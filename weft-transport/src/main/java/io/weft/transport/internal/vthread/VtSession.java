package io.weft.transport.internal.vthread;

import io.weft.codec.Decoder;
import io.weft.codec.ProtocolException;
import io.weft.transport.Connection;
import io.weft.transport.Session;
import java.io.IOException;

/** The blocking view of a {@link VtConnection}, used by sequential protocols on its reader thread. */
final class VtSession<I, O> implements Session<I, O> {

    private final VtConnection<I, O> connection;
    private final Decoder<I> decoder;

    VtSession(VtConnection<I, O> connection, Decoder<I> decoder) {
        this.connection = connection;
        this.decoder = decoder;
    }

    @Override
    public I readMessage() throws IOException, ProtocolException {
        while (true) {
            if (connection.input().hasRemaining()) {
                I message = decoder.decode(connection.input());
                if (message != null) {
                    connection.messageRead();
                    return message;
                }
            }
            if (!connection.isOpen()) {
                return null;
            }
            if (connection.fill() < 0) {
                connection.markInputClosed();
                return null;
            }
        }
    }

    @Override
    public void writeMessage(O message) {
        connection.write(message);
    }

    @Override
    public void flush() {
        connection.flushAndWait();
    }

    @Override
    public Connection<O> connection() {
        return connection;
    }

    @Override
    public void close() {
        flush();
        connection.close();
    }
}
