package io.weft.transport;

/**
 * What {@link Server#shutdown} did.
 *
 * @param graceful connections closed after finishing their in-flight work, or because they were idle
 * @param forced   connections still busy at the deadline and closed by force
 */
public record ShutdownSummary(int graceful, int forced) {

    public ShutdownSummary plus(ShutdownSummary other) {
        return new ShutdownSummary(graceful + other.graceful, forced + other.forced);
    }
}
