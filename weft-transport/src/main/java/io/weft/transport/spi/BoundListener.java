package io.weft.transport.spi;

import io.weft.transport.ShutdownSummary;
import java.net.InetSocketAddress;

/** A listening socket bound by an engine. */
public interface BoundListener {

    /** The address actually bound (with the OS-chosen port when 0 was asked for). */
    InetSocketAddress localAddress();

    /** Closes the listening socket. Established connections are not touched. Idempotent. */
    void stopAccepting();

    /**
     * Closes every connection of this listener: idle ones now, busy ones (a partly received message or
     * queued output) once they finish, and whatever is left at {@code deadlineNanos} (a
     * {@link System#nanoTime()} value) by force. Returns when all are closed.
     */
    ShutdownSummary drain(long deadlineNanos) throws InterruptedException;
}
