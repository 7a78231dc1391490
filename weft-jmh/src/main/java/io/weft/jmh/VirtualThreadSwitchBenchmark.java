package io.weft.jmh;

import java.lang.reflect.Constructor;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one virtual-thread switch costs: the floor under the virtual-thread engine's cost per message.
 *
 * <p>In 50-connection ping-pong the engine's reader yields once per message (see {@code ReadYield}),
 * so each message pays one unmount and one mount of a continuation plus the scheduler's work to queue
 * and pick the next thread. An event loop pays neither. One operation here is one such switch:
 * {@value #THREADS} virtual threads each yield {@value #YIELDS} times, round-robin.
 *
 * <p>{@code scheduler}:
 * <ul>
 *   <li>{@code jdk}: the JDK's default scheduler (a {@code ForkJoinPool}), as the engine runs.
 *   <li>{@code bare}: the same threads on a minimal scheduler, one platform carrier with a plain
 *       FIFO queue, reached through the JDK's internal test-only builder constructor. It shows how much
 *       of the switch is the scheduler and how much the continuation itself.
 * </ul>
 *
 * <p>Run it on one core, as the echo benchmarks run the server, so the default scheduler has one
 * carrier: {@code taskset -c 0 bench/jmh.sh VirtualThreadSwitch}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.lang=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VirtualThreadSwitchBenchmark {

    static final int THREADS = 50;
    static final int YIELDS = 2_000;

    @Param({"jdk", "bare"})
    String scheduler;

    private Thread.Builder builder;
    private BareScheduler bare;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        if (scheduler.equals("jdk")) {
            builder = Thread.ofVirtual();
            return;
        }
        bare = new BareScheduler();
        Constructor<?> withScheduler = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder")
                .getDeclaredConstructor(Executor.class);
        withScheduler.setAccessible(true);
        builder = (Thread.Builder) withScheduler.newInstance(bare);
    }

    @TearDown
    public void tearDown() {
        if (bare != null) {
            bare.stop();
        }
    }

    @Benchmark
    @OperationsPerInvocation(THREADS * YIELDS)
    public void yieldRoundRobin() throws InterruptedException {
        Thread[] threads = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            threads[i] = builder.start(() -> {
                for (int y = 0; y < YIELDS; y++) {
                    Thread.yield();
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * One carrier thread running submitted continuations in order. Submissions from the carrier itself
     * (a yield) go to a plain deque; from elsewhere (a start, an unpark) to a concurrent queue.
     */
    static final class BareScheduler implements Executor {

        private final ArrayDeque<Runnable> local = new ArrayDeque<>();
        private final ConcurrentLinkedQueue<Runnable> remote = new ConcurrentLinkedQueue<>();
        private final Thread carrier = Thread.ofPlatform().daemon().name("bare-carrier").unstarted(this::runLoop);
        private volatile boolean stopped;

        BareScheduler() {
            carrier.start();
        }

        @Override
        public void execute(Runnable task) {
            if (Thread.currentThread() == carrier) {
                local.add(task);
            } else {
                remote.add(task);
                LockSupport.unpark(carrier);
            }
        }

        private void runLoop() {
            while (!stopped) {
                Runnable task = local.poll();
                if (task == null) {
                    task = remote.poll();
                }
                if (task != null) {
                    task.run();
                } else {
                    LockSupport.park(this);
                }
            }
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(carrier);
        }
    }
}
