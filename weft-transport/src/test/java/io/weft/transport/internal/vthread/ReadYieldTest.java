package io.weft.transport.internal.vthread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a virtual-thread reader may yield before reading, and that the tests run with it on. */
class ReadYieldTest {

    @Test
    void readersYieldInTheseTestsSoTheConformanceSuiteCoversIt() {
        // The build opens java.lang to the tests as ./weft does for the server; without that opening
        // the engine silently stops yielding and every virtual-thread test runs the other path.
        assertThat(ReadYield.available()).isTrue();
    }

    @Test
    void aReaderDoesNotYieldWhileASubmissionWaits() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            assertThat(ReadYield.mayYield(pool)).as("nothing queued").isTrue();

            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            pool.execute(() -> {
                running.countDown();
                awaitQuietly(release);
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            // The only worker is busy, so this one waits in a submission queue, as a thread woken by
            // the JDK's master poller or a timer waits for a carrier whose local queue never empties.
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(ran::countDown);
            assertThat(ReadYield.mayYield(pool)).as("a submission is waiting").isFalse();

            release.countDown();
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ReadYield.mayYield(pool)).as("the submission ran").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutTheSchedulerNoReaderYields() {
        assertThat(ReadYield.mayYield(null)).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
