package io.weft.transport;

/**
 * A snapshot of one listener's counters. All counts are since the listener started, except
 * {@code active}.
 */
public record ListenerStats(long accepted, long active, long rejected, long bytesIn, long bytesOut,
                            long messagesIn, long messagesOut, long errors, long slowConsumerDisconnects) {
}
