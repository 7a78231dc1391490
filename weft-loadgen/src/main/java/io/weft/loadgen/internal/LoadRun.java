package io.weft.loadgen.internal;

import io.weft.loadgen.LoadModel;
import io.weft.loadgen.LoadResult;
import io.weft.loadgen.LoadSpec;
import io.weft.loadgen.Progress;
import io.weft.loadgen.ProgressListener;
import io.weft.loadgen.spi.Target;
import io.weft.transport.Connector;
import io.weft.transport.Engine;
import io.weft.transport.spi.TransportEngine;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run from start to result: opens the connections, starts the sender threads, samples the
 * measurements once per interval (reporting progress) until the senders are done, and builds the
 * {@link LoadResult}.
 */
public final class LoadRun<I> {

    private static final Logger log = LoggerFactory.getLogger(LoadRun.class);
    /** How long the first connections get to open before the run gives up on them. */
    private static final long CONNECT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final LoadSpec spec;
    private final Target<I> target;
    private final ProgressListener listener;
    private final List<Driver<I>> drivers = new ArrayList<>();
    private RunControl run;
    private CpuClock cpu;

    private LoadRun(LoadSpec spec, Target<I> target, ProgressListener listener) {
        this.spec = spec;
        this.target = target;
        this.listener = listener;
    }

    /**
     * Runs {@code spec} against {@code target}, reporting to {@code listener} from the calling thread.
     *
     * @throws ConnectException when not one connection could be opened
     */
    public static <I> LoadResult execute(LoadSpec spec, Target<I> target, ProgressListener listener)
            throws IOException, InterruptedException {
        return new LoadRun<>(spec, target, listener).execute();
    }

    private LoadResult execute() throws IOException, InterruptedException {
        Instant started = Instant.now();
        TransportEngine engine = Engine.LOOP.create(spec.threads(), spec.idlePoll());
        cpu = new CpuClock(engine::idlePollTime);
        try (Connector connector = new Connector(engine)) {
            for (int i = 0; i < spec.connections(); i++) {
                drivers.add(new Driver<>(i, spec, target, connector));
            }
            // A closed-loop connection starts sending the moment it opens, so its clock must already run;
            // an open-loop schedule starts once the connections are up, so connecting is not counted late.
            boolean closedLoop = spec.model() instanceof LoadModel.Closed;
            if (closedLoop) {
                begin();
            }
            connectAll();
            if (!closedLoop) {
                begin();
            }
            CountDownLatch sendersDone = startWorkers();
            return sampleUntil(sendersDone, started);
        }
    }

    private void begin() {
        run = RunControl.begin(spec, System.nanoTime());
        drivers.forEach(d -> d.start(run));
        if (run.measureStart == run.start) {
            cpu.mark(run.start);
        }
    }

    /** Opens every connection and waits for them; fails only if none opened. */
    private void connectAll() throws ConnectException, InterruptedException {
        List<CompletableFuture<?>> opening = new ArrayList<>();
        drivers.forEach(d -> opening.add(d.connect()));
        long deadline = System.nanoTime() + CONNECT_WAIT_NANOS;
        int opened = 0;
        Throwable firstFailure = null;
        for (CompletableFuture<?> f : opening) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                opened++;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                firstFailure = firstFailure == null ? cause : firstFailure;
            }
        }
        // A connection the server closed at once still counts as opened: the run will report it.
        if (opened == 0) {
            ConnectException e = new ConnectException("cannot connect to " + spec.address().getHostString() + ":"
                    + spec.address().getPort() + (firstFailure == null ? "" : ": " + firstFailure.getMessage()));
            e.initCause(firstFailure);
            throw e;
        }
    }

    private CountDownLatch startWorkers() {
        int threads = Math.min(spec.threads(), drivers.size());
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            List<Driver<?>> mine = new ArrayList<>();
            for (int i = t; i < drivers.size(); i += threads) {
                mine.add(drivers.get(i));
            }
            Worker worker = new Worker(mine, run);
            Thread.ofPlatform().name("weft-bench-sender-" + t).daemon(true).start(() -> {
                try {
                    worker.run();
                } catch (Throwable e) {
                    log.error("load sender failed", e);
                } finally {
                    done.countDown();
                }
            });
        }
        return done;
    }

    /** Takes an interval sample every sampling period until the senders are done; then the result. */
    private LoadResult sampleUntil(CountDownLatch sendersDone, Instant started) throws InterruptedException {
        Measurements m = run.measurements;
        long interval = spec.sampleInterval().toNanos();
        long next = nextSample(run.start, interval);
        while (!sendersDone.await(next - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            long now = System.nanoTime();
            // The sample due at the end of the warm-up closes the warm-up, even if it runs a little late.
            m.sample(next <= run.measureStart ? Math.min(now, next) : now);
            if (next == run.measureStart) {
                cpu.markOnce(now);
            }
            listener.onProgress(progress(now));
            next = nextSample(next, interval);
        }
        long finish = System.nanoTime();
        m.finish(finish, interval / 2);
        cpu.markOnce(finish);
        Histogram latency = m.total().copy();
        return new LoadResult(target.description(), spec, started, latency.getTotalCount(),
                measuredSeconds(finish), latency, m.timeline(), m.errors(), cpu.coresSince(finish),
                cpu.idlePollCoresSince(finish));
    }

    /** The next sample time after {@code previous}; one always falls exactly at the end of the warm-up. */
    private long nextSample(long previous, long interval) {
        long next = previous + interval;
        return previous < run.measureStart && next > run.measureStart ? run.measureStart : next;
    }

    /**
     * The measured window: the set duration, unless the request count was reached first (or is the only
     * limit); then up to when the last request was answered. A run whose connections all failed early
     * still counts the whole duration: its rate is what it delivered over the time asked for.
     */
    private double measuredSeconds(long finish) {
        long last = run.measurements.lastSettledNanos();
        boolean byCount = run.end == Long.MAX_VALUE || run.countReached() && last < run.end;
        long end = byCount ? (last > 0 ? last : finish) : run.end;
        return Math.max(0, end - run.measureStart) / 1e9;
    }

    private Progress progress(long now) {
        Measurements m = run.measurements;
        Histogram total = m.total();
        long p99 = total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(99);
        Progress.Phase phase;
        long elapsed;
        long length;
        if (now < run.measureStart) {
            phase = Progress.Phase.WARMUP;
            elapsed = now - run.start;
            length = run.measureStart - run.start;
        } else if (now < run.end && !run.issuingOver(now)) {
            phase = Progress.Phase.MEASURING;
            elapsed = now - run.measureStart;
            length = run.end == Long.MAX_VALUE ? -1 : run.end - run.measureStart;
        } else {
            phase = Progress.Phase.DRAINING;
            elapsed = now - Math.min(now, run.end);
            length = -1;
        }
        return new Progress(phase, elapsed, length, m.lastRate(), p99, total.getTotalCount(), m.errorCount());
    }
}
