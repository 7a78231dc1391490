package io.weft.transport.internal.vthread;

import java.lang.reflect.Field;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a reader step aside before it reads, so that its next input has time to arrive.
 *
 * <p>A read that finds no input costs the JDK a failed {@code read}, a one-shot registration with its
 * poller and a park and unpark. A reader that first yields to the other runnable virtual threads
 * usually finds its input there, as an event loop does after one {@code epoll_wait} for many sockets.
 *
 * <p>The yield is safe only while nothing waits in the scheduler's submission queues. A carrier runs
 * its own queue (where yielded and locally woken threads go) until it is empty before it looks at
 * those; what the JDK's master poller, timers and platform threads wake lands there. Readers that
 * keep yielding would keep that queue from ever emptying, and a parked connection would wait for
 * hundreds of milliseconds. So a reader yields only while the submission queues are empty; otherwise
 * it reads at once, parks if there is nothing, and the carrier soon gets round to the rest.
 *
 * <p>Seeing those queues needs the JDK's scheduler, which is not public: the JVM must be started with
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (or {@code =io.weft.transport} on the module
 * path), as {@code ./weft} does. Without it, or with a custom scheduler, readers never yield, which is
 * correct, only slower.
 */
final class ReadYield {

    private static final Logger log = LoggerFactory.getLogger(ReadYield.class);
    private static final ForkJoinPool SCHEDULER = defaultScheduler();

    private ReadYield() {
    }

    /** True when readers may yield: the JDK's scheduler is visible. */
    static boolean available() {
        return SCHEDULER != null;
    }

    /** Called by a reader just before it reads: yields if that cannot hold anything up. */
    static void beforeRead() {
        if (mayYield(SCHEDULER)) {
            Thread.yield();
        }
    }

    /** True when a reader on {@code scheduler} may yield: nothing waits in its submission queues. */
    static boolean mayYield(ForkJoinPool scheduler) {
        return scheduler != null && !scheduler.hasQueuedSubmissions();
    }

    private static ForkJoinPool defaultScheduler() {
        if (Boolean.getBoolean("weft.vthread.noReadYield")) {
            return null;
        }
        try {
            Field field = Class.forName("java.lang.VirtualThread").getDeclaredField("DEFAULT_SCHEDULER");
            field.setAccessible(true);
            return field.get(null) instanceof ForkJoinPool pool ? pool : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("virtual-thread readers will not yield before reading: {}", e.toString());
            return null;
        }
    }
}
