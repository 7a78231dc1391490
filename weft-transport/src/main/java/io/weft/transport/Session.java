package io.weft.transport;

import java.io.IOException;

/**
 * A blocking view of one connection, for {@link SessionHandler}s on the virtual-thread engine. Not
 * thread-safe: the connection's own virtual thread reads and writes it.
 */
public interface Session<I, O> extends AutoCloseable {

    /**
     * Blocks until the next whole message arrives and returns it, or returns null when the peer has
     * closed its side. A message that is a view on received bytes is valid until the next call.
     *
     * @throws io.weft.codec.ProtocolException when the input breaks the protocol (the caller closes)
     * @throws IOException when the read fails, or the connection was closed under it (idle timeout,
     *         shutdown)
     */
    I readMessage() throws IOException, io.weft.codec.ProtocolException;

    /** Queues {@code message}; see {@link #flush()}. */
    void writeMessage(O message);

    /** Blocks until everything queued has been written to the socket. */
    void flush();

    /** The underlying connection, for its id, addresses and attributes. */
    Connection<O> connection();

    /** Flushes, then closes gracefully. */
    @Override
    void close();
}
