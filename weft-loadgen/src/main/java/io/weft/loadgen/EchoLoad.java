package io.weft.loadgen;

import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.transport.CloseReason;
import io.weft.transport.Connection;
import io.weft.transport.Connector;
import io.weft.transport.Engine;
import io.weft.transport.Handler;
import io.weft.transport.Protocol;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop echo load: each connection keeps {@code depth} fixed-size messages in flight and sends
 * the next as soon as one comes back, checking every byte. Replies are matched to requests in order
 * (an echo server keeps order), so latency is from each message's send to its last byte's return.
 *
 * <p>Speaks raw bytes, so any echo server will do (Weft's, Netty's, Go's).
 *
 * @param target      where the echo server listens
 * @param connections connections to open
 * @param depth       messages in flight per connection (1 = ping-pong)
 * @param size        bytes per message
 * @param warmup      run this long first, then forget what was measured
 * @param duration    measure this long
 * @param loops       event loops in the load generator
 */
public record EchoLoad(InetSocketAddress target, int connections, int depth, int size, Duration warmup,
                       Duration duration, int loops) {

    /** What a run measured. Latencies in microseconds. */
    public record Result(long messages, double seconds, double messagesPerSecond, double p50Micros,
                         double p99Micros, double maxMicros, long errors) {

        @Override
        public String toString() {
            return String.format("msgs/s=%.0f p50_us=%.1f p99_us=%.1f max_us=%.1f messages=%d errors=%d",
                    messagesPerSecond, p50Micros, p99Micros, maxMicros, messages, errors);
        }
    }

    public Result run() throws Exception {
        byte[] pattern = new byte[size];
        for (int i = 0; i < size; i++) {
            pattern[i] = (byte) ('a' + i % 26);
        }
        ByteBuffer message = ByteBuffer.wrap(pattern);
        LongAdder errors = new LongAdder();
        List<Pinger> pingers = new ArrayList<>();
        try (Connector connector = new Connector(Engine.LOOP.create(loops))) {
            Protocol<ByteBuffer, ByteBuffer> raw = Protocol.of("echo-load", Framing.RAW.codec(FrameLimits.DEFAULT),
                    () -> {
                        Pinger p = new Pinger(message, depth, errors);
                        synchronized (pingers) {
                            pingers.add(p);
                        }
                        return p;
                    });
            List<java.util.concurrent.CompletableFuture<Connection<ByteBuffer>>> opening = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                opening.add(connector.connect(target, raw));
            }
            for (var f : opening) {
                f.get(30, TimeUnit.SECONDS);
            }
            Thread.sleep(warmup.toMillis());
            synchronized (pingers) {
                pingers.forEach(Pinger::reset);
            }
            long start = System.nanoTime();
            Thread.sleep(duration.toMillis());
            long elapsed = System.nanoTime() - start;
            Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            long messages = 0;
            synchronized (pingers) {
                for (Pinger p : pingers) {
                    p.stop();
                }
                for (Pinger p : pingers) {
                    synchronized (p) {
                        all.add(p.histogram);
                        messages += p.completed;
                    }
                }
            }
            double seconds = elapsed / 1e9;
            return new Result(messages, seconds, messages / seconds, all.getValueAtPercentile(50) / 1e3,
                    all.getValueAtPercentile(99) / 1e3, all.getMaxValue() / 1e3, errors.sum());
        }
    }

    /** One connection's loop: send, check the echo, record, send again. Runs on its event loop. */
    private static final class Pinger implements Handler<ByteBuffer, ByteBuffer> {
        private final ByteBuffer message;
        private final ByteBuffer expected;
        private final int size;
        private final int depth;
        private final LongAdder errors;
        private final long[] sentAt;
        private int head;
        private int tail;
        private int receivedOfCurrent;
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long completed;
        private volatile boolean running = true;
        private volatile boolean resetRequested;

        Pinger(ByteBuffer message, int depth, LongAdder errors) {
            this.message = message;
            this.expected = message.duplicate();
            this.size = message.remaining();
            this.depth = depth;
            this.errors = errors;
            this.sentAt = new long[depth];
        }

        @Override
        public void onOpen(Connection<ByteBuffer> c) {
            for (int i = 0; i < depth; i++) {
                send(c, System.nanoTime());
            }
        }

        private void send(Connection<ByteBuffer> c, long now) {
            sentAt[tail] = now;
            tail = (tail + 1) % depth;
            c.writeBytes(message);
        }

        @Override
        public void onMessage(Connection<ByteBuffer> c, ByteBuffer in) {
            int end = in.limit();
            while (in.hasRemaining()) {
                int n = Math.min(in.remaining(), size - receivedOfCurrent);
                // Compare a whole run at once (vectorised), through views that are reused.
                in.limit(in.position() + n);
                expected.limit(receivedOfCurrent + n).position(receivedOfCurrent);
                boolean same = in.mismatch(expected) < 0;
                in.limit(end);
                if (!same) {
                    errors.increment();
                    c.abort();
                    return;
                }
                in.position(in.position() + n);
                receivedOfCurrent += n;
                if (receivedOfCurrent == size) {
                    receivedOfCurrent = 0;
                    long now = System.nanoTime();
                    record(now - sentAt[head]);
                    head = (head + 1) % depth;
                    if (running) {
                        send(c, now);
                    }
                }
            }
        }

        private synchronized void record(long nanos) {
            if (resetRequested) {
                histogram.reset();
                completed = 0;
                resetRequested = false;
            }
            histogram.recordValue(Math.min(nanos, histogram.getHighestTrackableValue()));
            completed++;
        }

        void reset() {
            resetRequested = true;
        }

        synchronized void stop() {
            running = false;
        }

        @Override
        public void onClose(Connection<ByteBuffer> c, CloseReason reason) {
            if (running && reason != CloseReason.SHUTDOWN_FORCED) {
                errors.increment();
            }
        }
    }
}
