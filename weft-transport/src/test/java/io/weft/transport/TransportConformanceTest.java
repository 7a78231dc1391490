package io.weft.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import io.weft.transport.spi.TransportEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every engine must do, as seen from real sockets. One subclass per engine runs it all.
 * Ports come from the OS; waiting is on events (the handler's queue, socket reads), never on sleeps.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class TransportConformanceTest {

    /** The engine under test. */
    protected abstract Engine engine();

    /** A new instance of the engine under test with {@code threads} threads (event loops). */
    protected TransportEngine newEngine(int threads) {
        return engine().create(threads);
    }

    protected final ScriptedHandler.Events events = new ScriptedHandler.Events();
    private final List<Server> servers = new ArrayList<>();

    protected Protocol<ByteBuffer, ByteBuffer> scripted() {
        return Protocol.of("scripted", Framing.LENGTH.codec(FrameLimits.DEFAULT), () -> new ScriptedHandler(events));
    }

    protected Server start(ListenerLimits limits) throws IOException {
        return start(Listener.loopback("test", newEngine(2), scripted()).withLimits(limits));
    }

    protected Server start(Listener listener) throws IOException {
        Server server = Server.of(listener).start();
        servers.add(server);
        return server;
    }

    protected Server start() throws IOException {
        return start(ListenerLimits.DEFAULTS);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.shutdown(Duration.ZERO));
    }

    // ---- echo ----------------------------------------------------------------------------------

    @Test
    void echoesRandomPayloadsFromEmptyToOneMebibyteWrittenInRandomSplits() throws Exception {
        Server server = start();
        Random random = new Random(42);
        int[] sizes = {0, 1, 2, 3, 4, 5, 100, 1023, 4096, 16_383, 16_384, 16_385, 65_536, 100_000, 1 << 20};
        try (TestClient client = new TestClient(server.address("test"))) {
            for (int size : sizes) {
                byte[] payload = new byte[size];
                random.nextBytes(payload);
                client.sendSplit(TestClient.frame(payload), random);
                assertThat(client.receive()).as("echo of %d bytes", size).isEqualTo(payload);
            }
            for (int i = 0; i < 30; i++) {
                byte[] payload = new byte[random.nextInt(1 << 20)];
                random.nextBytes(payload);
                client.sendSplit(TestClient.frame(payload), random);
                assertThat(client.receive()).isEqualTo(payload);
            }
        }
        events.await("close");
        ListenerStats stats = server.stats("test");
        assertThat(stats.messagesIn()).isEqualTo(45);
        assertThat(stats.messagesOut()).isEqualTo(45);
        assertThat(stats.bytesIn()).isEqualTo(stats.bytesOut());
    }

    @Test
    void pipelinedMessagesComeBackInOrder() throws Exception {
        Server server = start();
        try (TestClient client = new TestClient(server.address("test"))) {
            ByteBuffer all = ByteBuffer.allocate(1000 * 20);
            for (int i = 0; i < 1000; i++) {
                all.put(TestClient.frame(("m" + i).getBytes(StandardCharsets.UTF_8)));
            }
            client.sendRaw(java.util.Arrays.copyOf(all.array(), all.position()));
            for (int i = 0; i < 1000; i++) {
                assertThat(client.receiveString()).isEqualTo("m" + i);
            }
        }
    }

    @Test
    void thousandConcurrentConnectionsExchangeHundredMessagesEach() throws Exception {
        Server server = start(ListenerLimits.DEFAULTS.withMaxConnections(2_000));
        InetSocketAddress address = server.address("test");
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 1_000; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    try (TestClient t = new TestClient(address)) {
                        int ok = 0;
                        for (int m = 0; m < 100; m++) {
                            String message = client + ":" + m;
                            t.send(message);
                            if (t.receiveString().equals(message)) {
                                ok++;
                            }
                        }
                        return ok;
                    }
                }));
            }
            long total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            assertThat(total).isEqualTo(100_000);
        }
        assertThat(server.stats("test").accepted()).isEqualTo(1_000);
    }

    // ---- closing -------------------------------------------------------------------------------

    @Test
    void halfCloseByClientStillGetsRepliesThenServerCloses() throws Exception {
        Server server = start();
        try (TestClient client = new TestClient(server.address("test"))) {
            client.send("one");
            client.send("two");
            client.shutdownOutput();
            assertThat(client.receiveString()).isEqualTo("one");
            assertThat(client.receiveString()).isEqualTo("two");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(events.await("close")).isEqualTo("close PEER_CLOSED");
    }

    @Test
    void clientResetClosesOnlyThatConnection() throws Exception {
        Server server = start();
        try (TestClient survivor = new TestClient(server.address("test"))) {
            TestClient doomed = new TestClient(server.address("test"));
            doomed.send("hello");
            assertThat(doomed.receiveString()).isEqualTo("hello");
            doomed.send("unread reply");
            doomed.reset();
            assertThat(events.await("close")).isIn("close IO_ERROR", "close PEER_CLOSED");
            survivor.send("still here");
            assertThat(survivor.receiveString()).isEqualTo("still here");
        }
    }

    @Test
    void handlerClosingGracefullyFlushesItsLastReply() throws Exception {
        Server server = start();
        try (TestClient client = new TestClient(server.address("test"))) {
            client.send("close");
            assertThat(client.receiveString()).isEqualTo("bye");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(events.await("close")).isEqualTo("close LOCAL_CLOSE");
    }

    @Test
    void aHandlerMayGreetAndCloseFromOnOpenAndLaterWritesAreIgnored() throws Exception {
        Handler<ByteBuffer, ByteBuffer> greeter = new Handler<>() {
            @Override
            public void onOpen(Connection<ByteBuffer> c) {
                c.write(ByteBuffer.wrap("welcome".getBytes(StandardCharsets.UTF_8)));
                c.close();
                c.write(ByteBuffer.wrap("too late".getBytes(StandardCharsets.UTF_8)));
                events.add("open done, open=" + c.isOpen());
            }

            @Override
            public void onClose(Connection<ByteBuffer> c, CloseReason reason) {
                events.add("close " + reason);
            }
        };
        Server server = start(Listener.loopback("test", newEngine(2),
                Protocol.of("greeter", Framing.LENGTH.codec(FrameLimits.DEFAULT), () -> greeter)));
        try (TestClient client = new TestClient(server.address("test"))) {
            assertThat(client.receiveString()).isEqualTo("welcome");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(events.await("open done")).isEqualTo("open done, open=false");
        assertThat(events.await("close")).isEqualTo("close LOCAL_CLOSE");
        assertThat(server.stats("test").messagesOut()).isEqualTo(1);
    }

    @Test
    void aHandlerThrowingInOnOpenClosesOnlyThatConnection() throws Exception {
        Server server = start(Listener.loopback("test", newEngine(2),
                Protocol.of("grumpy", Framing.LENGTH.codec(FrameLimits.DEFAULT), () -> new Handler<>() {
                    @Override
                    public void onOpen(Connection<ByteBuffer> c) {
                        throw new IllegalStateException("refusing on purpose");
                    }

                    @Override
                    public void onClose(Connection<ByteBuffer> c, CloseReason reason) {
                        events.add("close " + reason);
                    }
                })));
        try (TestClient client = new TestClient(server.address("test"))) {
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(events.await("close")).isEqualTo("close HANDLER_ERROR");
        assertThat(server.stats("test").errors()).isEqualTo(1);
    }

    // ---- timers --------------------------------------------------------------------------------

    @Test
    void readIdleTimeoutClosesASilentConnection() throws Exception {
        Server server = start(ListenerLimits.DEFAULTS.withReadIdleTimeout(Duration.ofMillis(200)));
        try (TestClient silent = new TestClient(server.address("test"))) {
            assertThat(events.await("idle")).isEqualTo("idle READ_IDLE");
            assertThat(events.await("close")).isEqualTo("close IDLE_TIMEOUT");
            assertThat(silent.isClosedByServer()).isTrue();
        }
    }

    @Test
    void heartbeatFiresAndItsPingReachesThePeer() throws Exception {
        Server server = start(ListenerLimits.DEFAULTS.withHeartbeatInterval(Duration.ofMillis(100)));
        try (TestClient client = new TestClient(server.address("test"))) {
            assertThat(client.receiveString()).isEqualTo("heartbeat");
            assertThat(client.receiveString()).isEqualTo("heartbeat");
            client.send("echo still works");
            String next;
            do {
                next = client.receiveString();
            } while (next.equals("heartbeat"));
            assertThat(next).isEqualTo("echo still works");
        }
    }

    @Test
    void writeIdleEventFiresWhenNothingWasWritten() throws Exception {
        Server server = start(ListenerLimits.DEFAULTS.withWriteIdleTimeout(Duration.ofMillis(150)));
        try (TestClient client = new TestClient(server.address("test"))) {
            assertThat(events.await("idle")).isEqualTo("idle WRITE_IDLE");
            client.send("x");
            assertThat(client.receiveString()).isEqualTo("x");
        }
    }

    // ---- shutdown ------------------------------------------------------------------------------

    @Test
    void gracefulShutdownFinishesInFlightRepliesAndClosesIdleConnections() throws Exception {
        Server server = start(ListenerLimits.DEFAULTS.withOutput(64 * 1024, 32 * 1024, 64L << 20));
        int size = 8 << 20;
        try (TestClient busy = new TestClient(server.address("test"));
             TestClient idle = new TestClient(server.address("test"))) {
            idle.send("ping");
            assertThat(idle.receiveString()).isEqualTo("ping");
            busy.send("big:" + size);
            events.await("queued");
            // The 8 MiB reply cannot fit in the socket buffers until the client reads.
            CompletableFuture<ShutdownSummary> summary =
                    CompletableFuture.supplyAsync(() -> server.shutdown(Duration.ofSeconds(30)));
            assertThat(idle.isClosedByServer()).as("idle connection closed by shutdown").isTrue();
            byte[] reply = busy.receive();
            assertThat(reply).hasSize(size);
            assertThat(reply[size - 1]).isEqualTo((byte) (size - 1));
            assertThat(busy.isClosedByServer()).isTrue();
            assertThat(summary.get(30, TimeUnit.SECONDS)).isEqualTo(new ShutdownSummary(2, 0));
        }
    }

    @Test
    void shutdownLetsAPartlyReceivedMessageFinishAndAnswersIt() throws Exception {
        Server server = start();
        try (TestClient client = new TestClient(server.address("test"))) {
            byte[] frame = TestClient.frame("finish me".getBytes(StandardCharsets.UTF_8));
            client.sendRaw(java.util.Arrays.copyOf(frame, 6));
            awaitBytesIn(server, 6);
            CompletableFuture<ShutdownSummary> summary =
                    CompletableFuture.supplyAsync(() -> server.shutdown(Duration.ofSeconds(30)));
            client.sendRaw(java.util.Arrays.copyOfRange(frame, 6, frame.length));
            assertThat(client.receiveString()).isEqualTo("finish me");
            assertThat(client.isClosedByServer()).isTrue();
            assertThat(summary.get(30, TimeUnit.SECONDS)).isEqualTo(new ShutdownSummary(1, 0));
        }
    }

    /** Waits (spinning on the counter, bounded) until the server has read {@code bytes} bytes. */
    private static void awaitBytesIn(Server server, long bytes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.stats("test").bytesIn() < bytes) {
            assertThat(System.nanoTime()).as("server read %d bytes in time", bytes).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void shutdownDeadlineForcesTheRestClosed() throws Exception {
        Server server = start(ListenerLimits.DEFAULTS.withOutput(64 * 1024, 32 * 1024, 64L << 20));
        try (TestClient stuck = new TestClient(server.address("test"))) {
            stuck.send("big:" + (16 << 20));
            events.await("queued");
            ShutdownSummary summary = server.shutdown(Duration.ofMillis(300));
            assertThat(summary).isEqualTo(new ShutdownSummary(0, 1));
            assertThat(events.await("close")).isEqualTo("close SHUTDOWN_FORCED");
            assertThat(stuck.awaitClosedByServer()).as("reset, not FIN").isFalse();
        }
        assertThatThrownBy(() -> new TestClient(server.address("test"))).isInstanceOf(Exception.class);
    }

    // ---- limits --------------------------------------------------------------------------------

    @Test
    void connectionLimitRejectsTheExcessWithTheProtocolsReplyAndServesTheRest() throws Exception {
        byte[] reject = TestClient.frame("too many".getBytes(StandardCharsets.UTF_8));
        Server server = start(Listener.loopback("test", newEngine(2), scripted().withRejectReply(reject))
                .withLimits(ListenerLimits.DEFAULTS.withMaxConnections(3)));
        InetSocketAddress address = server.address("test");
        List<TestClient> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                TestClient c = new TestClient(address);
                c.send("hi " + i);
                assertThat(c.receiveString()).isEqualTo("hi " + i);
                admitted.add(c);
            }
            try (TestClient excess = new TestClient(address)) {
                assertThat(excess.receiveString()).isEqualTo("too many");
                assertThat(excess.isClosedByServer()).isTrue();
            }
            for (TestClient c : admitted) {
                c.send("still served");
                assertThat(c.receiveString()).isEqualTo("still served");
            }
            assertThat(server.stats("test").rejected()).isEqualTo(1);
            assertThat(server.stats("test").active()).isEqualTo(3);
            admitted.removeFirst().close();
            events.await("close");
            try (TestClient again = new TestClient(address)) {
                again.send("room again");
                assertThat(again.receiveString()).isEqualTo("room again");
            }
        } finally {
            for (TestClient c : admitted) {
                c.close();
            }
        }
    }

    @Test
    void clientThatNeverReadsIsCutAtTheOutputCapWhileOthersKeepGoing() throws Exception {
        long cap = 4L << 20;
        Server server = start(ListenerLimits.DEFAULTS.withOutput(256 * 1024, 128 * 1024, cap));
        InetSocketAddress address = server.address("test");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        try (TestClient hog = new TestClient(address); TestClient polite = new TestClient(address);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // The hog asks for 1 MiB replies and never reads them.
            Future<?> hogging = pool.submit(() -> {
                while (!stop.get()) {
                    hog.send("big:" + (1 << 20));
                    sent.incrementAndGet();
                }
                return null;
            });
            // No waiting on "open" events here: the hog may be cut before the polite connection's
            // open is even reported, and waiting for it would skip past the close.
            for (int i = 0; i < 500; i++) {
                polite.send("p" + i);
                assertThat(polite.receiveString()).isEqualTo("p" + i);
            }
            assertThat(events.await("close")).isEqualTo("close SLOW_CONSUMER");
            stop.set(true);
            assertThat(server.stats("test").slowConsumerDisconnects()).isEqualTo(1);
            for (int i = 0; i < 100; i++) {
                polite.send("after " + i);
                assertThat(polite.receiveString()).isEqualTo("after " + i);
            }
            try {
                hogging.get(20, TimeUnit.SECONDS);
            } catch (ExecutionException expected) {
                // the hog's writes fail once it has been cut off
            }
            assertThat(sent.get()).isGreaterThan(1);
        }
    }

    @Test
    void writesFromAnotherThreadNeverBlockAndCutAStuckReaderAtTheCap() throws Exception {
        // The publish/subscribe shape: a publisher thread writes to a subscriber that never reads.
        long cap = 2L << 20;
        java.util.concurrent.atomic.AtomicReference<Connection<ByteBuffer>> subscriber =
                new java.util.concurrent.atomic.AtomicReference<>();
        Handler<ByteBuffer, ByteBuffer> registering = new Handler<>() {
            @Override
            public void onOpen(Connection<ByteBuffer> c) {
                subscriber.set(c);
                events.add("open " + c.id());
            }

            @Override
            public void onClose(Connection<ByteBuffer> c, CloseReason reason) {
                events.add("close " + reason);
            }
        };
        Server pubsub = start(Listener.loopback("test", newEngine(2),
                Protocol.of("pubsub", Framing.LENGTH.codec(FrameLimits.DEFAULT), () -> registering))
                .withLimits(ListenerLimits.DEFAULTS.withOutput(256 * 1024, 128 * 1024, cap)));
        try (TestClient stuck = new TestClient(pubsub.address("test"))) {
            events.await("open");
            Connection<ByteBuffer> c = subscriber.get();
            ByteBuffer message = ByteBuffer.allocate(64 * 1024);
            int published = 0;
            // Far more than the cap, from this (foreign) thread: every call must return at once.
            while (c.isOpen() && published < 10_000) {
                c.writeAndFlush(message.duplicate());
                published++;
            }
            assertThat(events.await("close")).isEqualTo("close SLOW_CONSUMER");
            assertThat(published).as("cut after about cap / message size publishes").isLessThan(10_000);
            assertThat(pubsub.stats("test").slowConsumerDisconnects()).isEqualTo(1);
            assertThat(stuck.awaitClosedByServer()).as("reset, not FIN").isFalse();
        }
    }

    @Test
    void producerPausesAtTheHighWatermarkAndResumesBelowTheLowOne() throws Exception {
        Server server = start(ListenerLimits.DEFAULTS.withOutput(256 * 1024, 64 * 1024, 4L << 20));
        try (TestClient client = new TestClient(server.address("test"))) {
            client.send("flood:64");
            assertThat(events.await("flood")).isEqualTo("flood paused");
            assertThat(server.stats("test").slowConsumerDisconnects()).isZero();
            for (int i = 0; i < 64; i++) {
                assertThat(client.receive()).hasSize(64 * 1024);
            }
            assertThat(events.await("writable")).isEqualTo("writable false");
            assertThat(events.await("writable")).isEqualTo("writable true");
            assertThat(events.await("flood done")).isEqualTo("flood done");
            client.send("after");
            assertThat(client.receiveString()).isEqualTo("after");
        }
        assertThat(server.stats("test").slowConsumerDisconnects()).isZero();
    }

    @Test
    void oversizeFrameClosesOnlyThatConnection() throws Exception {
        Server server = start(Listener.loopback("test", newEngine(2),
                Protocol.of("small", Framing.LENGTH.codec(new FrameLimits(1024)), () -> new ScriptedHandler(events))));
        try (TestClient bad = new TestClient(server.address("test"));
             TestClient good = new TestClient(server.address("test"))) {
            bad.sendRaw(ByteBuffer.allocate(4).putInt(1_000_000_000).array());
            assertThat(bad.isClosedByServer()).isTrue();
            assertThat(events.await("close")).isEqualTo("close PROTOCOL_ERROR");
            good.send("fine");
            assertThat(good.receiveString()).isEqualTo("fine");
            assertThat(server.stats("test").errors()).isEqualTo(1);
        }
    }

    @Test
    void throwingHandlerClosesOnlyItsOwnConnection() throws Exception {
        Server server = start();
        try (TestClient thrower = new TestClient(server.address("test"));
             TestClient bystander = new TestClient(server.address("test"))) {
            bystander.send("before");
            assertThat(bystander.receiveString()).isEqualTo("before");
            thrower.send("boom");
            assertThat(events.await("close")).isEqualTo("close HANDLER_ERROR");
            assertThat(thrower.isClosedByServer()).isTrue();
            bystander.send("after");
            assertThat(bystander.receiveString()).isEqualTo("after");
            assertThat(server.stats("test").errors()).isEqualTo(1);
        }
    }

    // ---- outbound ------------------------------------------------------------------------------

    @Test
    void outboundConnectionsRunTheSameHandlerApi() throws Exception {
        Server server = start();
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        Handler<ByteBuffer, ByteBuffer> client = new Handler<>() {
            @Override
            public void onOpen(Connection<ByteBuffer> c) {
                c.write(ByteBuffer.wrap("first".getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public void onMessage(Connection<ByteBuffer> c, ByteBuffer message) {
                replies.add(StandardCharsets.UTF_8.decode(message).toString());
            }

            @Override
            public void onClose(Connection<ByteBuffer> c, CloseReason reason) {
                replies.add("closed " + reason);
            }
        };
        try (Connector connector = new Connector(newEngine(1))) {
            Connection<ByteBuffer> c = connector.connect(server.address("test"),
                    Protocol.of("client", Framing.LENGTH.codec(FrameLimits.DEFAULT), () -> client))
                    .get(10, TimeUnit.SECONDS);
            assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("first");
            // A write from a thread that is not the connection's own.
            c.writeAndFlush(ByteBuffer.wrap("second".getBytes(StandardCharsets.UTF_8)));
            assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("second");
            assertThat(c.remoteAddress()).isEqualTo(server.address("test"));
            c.close();
            assertThat(replies.poll(10, TimeUnit.SECONDS)).startsWith("closed");
            assertThat(connector.stats().messagesIn()).isEqualTo(2);
        }
    }

    @Test
    void outboundConnectionsBindTheSourceAddressGiven() throws Exception {
        Server server = start();
        InetSocketAddress source = new InetSocketAddress("127.0.0.3", 0);
        try (Connector connector = new Connector(newEngine(1))) {
            Connection<ByteBuffer> c = connector.connect(server.address("test"), source,
                    Protocol.of("client", Framing.LENGTH.codec(FrameLimits.DEFAULT), () -> new Handler<>() { }))
                    .get(10, TimeUnit.SECONDS);
            assertThat(c.localAddress().getAddress()).isEqualTo(source.getAddress());
            assertThat(c.localAddress().getPort()).isPositive();
            c.close();
        }
    }

    @Test
    void outboundConnectToAClosedPortFails() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Connector connector = new Connector(newEngine(1))) {
            CompletableFuture<Connection<ByteBuffer>> f = connector.connect(new InetSocketAddress("127.0.0.1", port),
                    Protocol.of("client", Framing.RAW.codec(FrameLimits.DEFAULT), () -> new Handler<>() { }));
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        }
    }

    // ---- ports ---------------------------------------------------------------------------------

    @Test
    void reusePortLetsTwoListenersShareOnePort() throws Exception {
        Server first = start(Listener.loopback("test", newEngine(1), scripted()).withReusePort(true));
        InetSocketAddress address = first.address("test");
        Server second = start(new Listener("test", address, newEngine(1), scripted(), ListenerLimits.DEFAULTS,
                true));
        assertThat(second.address("test")).isEqualTo(address);
        try (TestClient c = new TestClient(address)) {
            c.send("shared");
            assertThat(c.receiveString()).isEqualTo("shared");
        }
        assertThatThrownBy(() -> Server.of(new Listener("test", address, newEngine(1), scripted(),
                ListenerLimits.DEFAULTS, false)).start()).isInstanceOf(IOException.class);
    }
}
