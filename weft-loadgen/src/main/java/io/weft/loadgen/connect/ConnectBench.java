package io.weft.loadgen.connect;

import io.weft.loadgen.spi.Target;
import java.util.function.Consumer;

/**
 * Connection storms and holding many connections ({@code weft bench connect}): opens connections at a
 * fixed connect rate, keeps them with a periodic ping in the target's protocol (an echo message, a RESP
 * PING), and at the end checks that each still answers.
 *
 * <p>This is a driver of its own rather than a load model of the request engine: a request run measures
 * requests over a few busy connections, while this one measures connects over many quiet ones, and
 * must not spend a thread, a schedule slot or an in-flight ring per connection.
 *
 * <p>Connect time is measured from when each connect was due, not from when it was started, so a client
 * that falls behind its connect rate shows as slow connects rather than as a lower rate.
 */
public final class ConnectBench {

    private ConnectBench() {
    }

    /**
     * Runs {@code spec} in this process, pinging with {@code target}'s requests (every one must be
     * answered with a single reply), and returns when every connection is closed again.
     *
     * @param progress told one line at the end of each phase
     * @param status   told how the run is going about once a second, on the calling thread
     */
    public static <I> ConnectResult run(ConnectSpec spec, Target<I> target, Consumer<String> progress,
                                        Consumer<ConnectProgress> status) {
        return new ConnectRun(spec, target, progress, status).run();
    }
}
