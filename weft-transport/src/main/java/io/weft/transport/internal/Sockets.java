package io.weft.transport.internal;

import io.weft.transport.Listener;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** Socket setup both engines share. */
public final class Sockets {

    /** Accept backlog; the kernel caps it at net.core.somaxconn. */
    public static final int BACKLOG = 4096;

    private Sockets() {
    }

    /** Opens and binds a listening socket for {@code listener} (blocking mode). */
    public static ServerSocketChannel listen(Listener listener) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (listener.reusePort()) {
                if (!server.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new IOException("SO_REUSEPORT is not supported on this platform");
                }
                server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            server.bind(listener.address(), BACKLOG);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Options for every connected socket: replies go out at once, not after Nagle's delay. */
    public static void configure(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    /** Closes {@code channel} (null is fine) when setting it up failed, ignoring a second failure. */
    public static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }

    /** Pause after a failed accept (EMFILE, ENFILE, ENOBUFS) before trying again. */
    public static void acceptBackoff() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Refuses a connection over the limit: sends the protocol's reject reply if it has one (a single
     * non-blocking attempt, so a peer cannot stall the acceptor), then closes.
     */
    public static void reject(SocketChannel channel, byte[] reply) {
        try (channel) {
            if (reply != null) {
                channel.configureBlocking(false);
                channel.write(ByteBuffer.wrap(reply));
                channel.shutdownOutput();
            }
        } catch (IOException ignored) {
            // the peer is refused either way
        }
    }
}
