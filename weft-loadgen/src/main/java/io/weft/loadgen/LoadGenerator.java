package io.weft.loadgen;

import io.weft.loadgen.internal.LoadRun;
import io.weft.loadgen.spi.Target;
import java.io.IOException;

/**
 * Runs load against a server and measures it: {@code LoadGenerator.run(spec, target, listener)}.
 *
 * <p>Connections are Weft's own outbound connections on its event-loop engine ({@code spec.threads()}
 * loops), and {@code spec.threads()} sender threads pace the requests. See {@link LoadModel} for the
 * difference between closed and open loop, and {@link LoadSpec} for the controls.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    /**
     * Runs {@code spec} against {@code target} and returns what was measured. Blocks for the length of
     * the run; {@code listener} hears about progress once per sampling interval, on this thread.
     *
     * @throws java.net.ConnectException when not a single connection could be opened
     */
    public static LoadResult run(LoadSpec spec, Target<?> target, ProgressListener listener)
            throws IOException, InterruptedException {
        return LoadRun.execute(spec, target, listener);
    }
}
