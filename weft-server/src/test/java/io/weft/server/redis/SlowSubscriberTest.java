package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.transport.Engine;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A subscriber that stops reading must not slow the publisher or the other subscribers: once its queued
 * output passes {@code pubsubOutputLimit} it is disconnected and counted, and everyone else goes on.
 */
class SlowSubscriberTest {

    private static final int MESSAGE = 64 * 1024;
    private static final int MESSAGES = 1024;
    private static final long LIMIT = 4L * 1024 * 1024;
    /** Messages the healthy subscriber may lag behind: 1 MiB, well under the limit whatever the scheduler does. */
    private static final int WINDOW = 16;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void slowSubscriberIsCutWhileHealthyOneReceivesEveryMessage(Engine engine) throws Exception {
        RedisConfig config = RedisConfig.defaults().withPort(0).withEngine(engine).withLoops(2)
                .withPubsubOutputLimit(LIMIT);
        try (RedisServer server = RedisServer.start(config);
             RespClient slow = new RespClient(server.address());
             RespClient healthy = new RespClient(server.address());
             RespClient publisher = new RespClient(server.address())) {
            assertThat(text(slow.call("SUBSCRIBE", "feed"))).endsWith(":1\r\n");
            assertThat(text(healthy.call("SUBSCRIBE", "feed"))).endsWith(":1\r\n");

            Semaphore window = new Semaphore(WINDOW);
            AtomicInteger received = new AtomicInteger();
            AtomicReference<Throwable> readerFailure = new AtomicReference<>();
            Thread reader = Thread.ofVirtual().start(() -> readAll(healthy, window, received, readerFailure));

            byte[] payload = new byte[MESSAGE];
            for (int i = 0; i < MESSAGES; i++) {
                // Paces the publisher to the healthy subscriber only; the slow one gets no say.
                assertThat(window.tryAcquire(10, TimeUnit.SECONDS)).as("healthy subscriber keeps up").isTrue();
                ByteBuffer.wrap(payload).putInt(0, i);
                String receivers = text(publisher.call("PUBLISH".getBytes(StandardCharsets.US_ASCII),
                        "feed".getBytes(StandardCharsets.US_ASCII), payload));
                assertThat(receivers).isIn(":1\r\n", ":2\r\n");
            }
            reader.join(10_000);
            assertThat(readerFailure.get()).isNull();
            assertThat(received.get()).isEqualTo(MESSAGES);

            assertThat(server.state().stats().pubsubSlowDisconnects.sum()).isEqualTo(1);
            assertThat(text(publisher.call("INFO", "stats"))).contains("client_output_buffer_limit_disconnections:1\r\n");
            // Closed by the server, not merely silent: a read timeout would be a different exception.
            assertThatThrownBy(() -> drain(slow)).isInstanceOf(IOException.class)
                    .isNotInstanceOf(SocketTimeoutException.class);
            awaitSubscribers(publisher, ":1\r\n");
            assertThat(text(publisher.call("PUBLISH", "feed", "last"))).isEqualTo(":1\r\n");
        }
    }

    /** Reads every message, checking each carries the next sequence number in full. */
    private static void readAll(RespClient client, Semaphore window, AtomicInteger received,
                                AtomicReference<Throwable> failure) {
        try {
            for (int i = 0; i < MESSAGES; i++) {
                byte[] frame = client.readReply();
                String header = "*3\r\n$7\r\nmessage\r\n$4\r\nfeed\r\n$" + MESSAGE + "\r\n";
                assertThat(text(frame)).startsWith(header);
                assertThat(frame.length).isEqualTo(header.length() + MESSAGE + 2);
                assertThat(ByteBuffer.wrap(frame).getInt(header.length())).isEqualTo(i);
                received.incrementAndGet();
                window.release();
            }
        } catch (Throwable t) {
            failure.set(t);
            window.release(MESSAGES);
        }
    }

    /** Reads what the kernel still holds for the cut subscriber until the connection ends. */
    private static void drain(RespClient client) throws IOException {
        while (true) {
            client.readReply();
        }
    }

    private static void awaitSubscribers(RespClient client, String count) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!text(client.call("PUBSUB", "NUMSUB", "feed")).endsWith(count)) {
            assertThat(System.nanoTime()).as("cut subscriber unsubscribed").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static String text(byte[] reply) {
        return new String(reply, StandardCharsets.ISO_8859_1);
    }
}
