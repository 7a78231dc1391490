package io.weft.server.redis.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Server-wide counters for INFO stats and errorstats; CONFIG RESETSTAT zeroes them. */
public final class ServerStats {

    /** Redis stops tracking new error codes past this many, so odd errors cannot grow the table forever. */
    private static final int MAX_ERROR_CODES = 128;
    /** Redis looks for the code's end (a space) only this far into the message; without one the code is ERR. */
    private static final int CODE_SEARCH = 32;

    public final LongAdder commandsProcessed = new LongAdder();
    public final LongAdder errorReplies = new LongAdder();
    public final LongAdder pubsubSlowDisconnects = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> errorCodes = new ConcurrentHashMap<>();

    /** Counts one error reply, and its code (ERR, WRONGTYPE, NOAUTH ...) for INFO errorstats. */
    public void errorReply(String message) {
        errorReplies.increment();
        int space = message.indexOf(' ');
        String code = space >= 0 && space < CODE_SEARCH ? message.substring(0, space) : "ERR";
        LongAdder count = errorCodes.get(code);
        if (count == null) {
            if (errorCodes.size() >= MAX_ERROR_CODES) {
                return;
            }
            count = errorCodes.computeIfAbsent(code, k -> new LongAdder());
        }
        count.increment();
    }

    /** Error replies by code, sorted by code as Redis lists them. */
    public Map<String, Long> errorCodes() {
        Map<String, Long> sorted = new TreeMap<>();
        errorCodes.forEach((code, count) -> sorted.put(code, count.sum()));
        return sorted;
    }

    public void reset() {
        commandsProcessed.reset();
        errorReplies.reset();
        pubsubSlowDisconnects.reset();
        errorCodes.clear();
    }
}
