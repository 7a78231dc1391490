package io.weft.server.echo;

import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.transport.Engine;
import io.weft.transport.Listener;
import io.weft.transport.ListenerLimits;
import io.weft.transport.Protocol;
import io.weft.transport.Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The echo server behind {@code weft echo}: one listener, any engine, any framing.
 *
 * @param address    where to listen
 * @param engine     which engine serves the connections
 * @param loops      event loops, for the loop engine
 * @param framing    how messages are delimited
 * @param frames     frame limits
 * @param limits     connection limits
 * @param reusePort  share the port with other processes (SO_REUSEPORT)
 * @param idlePoll   how long an event loop that ran out of work keeps polling before it sleeps
 */
public record EchoServer(InetSocketAddress address, Engine engine, int loops, Framing framing, FrameLimits frames,
                         ListenerLimits limits, boolean reusePort, Duration idlePoll) {

    public static final String LISTENER = "echo";

    /** A server whose event loops sleep as soon as they run out of work. */
    public EchoServer(InetSocketAddress address, Engine engine, int loops, Framing framing, FrameLimits frames,
                      ListenerLimits limits, boolean reusePort) {
        this(address, engine, loops, framing, frames, limits, reusePort, Duration.ZERO);
    }

    /** Builds and starts the server. */
    public Server start() throws IOException {
        Protocol<java.nio.ByteBuffer, java.nio.ByteBuffer> protocol =
                Protocol.of("echo-" + framing.name().toLowerCase(java.util.Locale.ROOT), framing.codec(frames),
                        EchoHandler::new);
        Listener listener = new Listener(LISTENER, address, engine.create(loops, idlePoll), protocol, limits, reusePort);
        return Server.of(listener).start();
    }
}
