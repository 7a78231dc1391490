package io.weft.transport.internal.vthread;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.transport.internal.SharedBufferPool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's buffering over a real socket, polled and portable: a burst borrows a large buffer,
 * going quiet gives it back.
 */
class VtInputTest {

    /** A loopback connection: the client's end, and a reader's input on the accepted end. */
    private record Connected(ServerSocketChannel server, SocketChannel client, SocketChannel accepted, VtInput input)
            implements AutoCloseable {

        static Connected open(boolean polled) throws IOException {
            ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
            SocketChannel client = SocketChannel.open(server.getLocalAddress());
            SocketChannel accepted = server.accept();
            VtSocket socket = polled ? VtSocket.polled(accepted) : VtSocket.portable(accepted);
            return new Connected(server, client, accepted,
                    new VtInput(socket, new SharedBufferPool(VtInput.LARGE_READ, 4)));
        }

        @Override
        public void close() throws IOException {
            try (server; client; accepted) {
                input.release();
            }
        }
    }

    @ParameterizedTest(name = "polled={0}")
    @ValueSource(booleans = {true, false})
    void burstUsesALargeBufferAndAQuietReaderBlocksOnTheSmallOne(boolean polled) throws Exception {
        try (Connected c = Connected.open(polled)) {
            SocketChannel client = c.client();
            VtInput input = c.input();

            byte[] burst = new byte[10_000];
            for (int i = 0; i < burst.length; i++) {
                burst[i] = (byte) i;
            }
            client.write(ByteBuffer.wrap(burst));
            assertThat(consume(input, burst.length)).isEqualTo(burst.length);
            assertThat(input.buffer().capacity()).as("the burst went into the large buffer")
                    .isEqualTo(VtInput.LARGE_READ);

            // Nothing is waiting now: the next read blocks, and it must block on the small buffer.
            CompletableFuture<Integer> blocked = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    blocked.complete(input.fill());
                } catch (Exception e) {
                    blocked.completeExceptionally(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reader.getState() != Thread.State.WAITING) {
                assertThat(System.nanoTime()).as("reader waits in time").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(input.buffer().capacity()).as("a waiting reader holds only its small buffer")
                    .isEqualTo(VtInput.SMALL_READ);
            client.write(ByteBuffer.wrap(new byte[] {42}));
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            reader.join();
            // As the reader does after each batch: what is left fits the small buffer, so back there.
            input.shrink();
            assertThat(input.buffer().capacity()).as("a quiet reader holds only its small buffer")
                    .isEqualTo(VtInput.SMALL_READ);
            assertThat(input.buffer().get()).isEqualTo((byte) 42);
        }
    }

    @ParameterizedTest(name = "polled={0}")
    @ValueSource(booleans = {true, false})
    void aPolledReaderKeepsItsLargeBufferBetweenBurstsAndNotAfterThem(boolean polled) throws Exception {
        try (Connected c = Connected.open(polled)) {
            SocketChannel client = c.client();
            VtInput input = c.input();

            // Two bursts, each handled as a batch (consumed, then shrink() as the reader does).
            for (int burst = 0; burst < 2; burst++) {
                client.write(ByteBuffer.allocate(1_000));
                assertThat(readBatch(input, 1_000)).isEqualTo(1_000);
                assertThat(input.buffer().capacity())
                        .as("between bursts the large buffer is kept only where reads do not wait")
                        .isEqualTo(polled ? VtInput.LARGE_READ : VtInput.SMALL_READ);
            }

            // A small message ends the burst: the large buffer goes back to the pool.
            client.write(ByteBuffer.allocate(10));
            assertThat(readBatch(input, 10)).isEqualTo(10);
            assertThat(input.buffer().capacity()).as("after a burst the reader holds its small buffer")
                    .isEqualTo(VtInput.SMALL_READ);
        }
    }

    /** Fills until {@code expected} bytes came and consumes them all, as a decoder would. */
    private static int consume(VtInput input, int expected) throws IOException {
        int total = 0;
        while (total < expected) {
            total += input.fill();
            ByteBuffer in = input.buffer();
            in.position(in.limit());
        }
        return total;
    }

    /** One handled batch: {@link #consume}, then shrink as the reader does after each batch. */
    private static int readBatch(VtInput input, int expected) throws IOException {
        int total = consume(input, expected);
        input.shrink();
        return total;
    }

    @ParameterizedTest(name = "polled={0}")
    @ValueSource(booleans = {true, false})
    void anIncompleteMessageLargerThanTheBufferGrowsIt(boolean polled) throws Exception {
        try (Connected c = Connected.open(polled)) {
            SocketChannel client = c.client();
            VtInput input = c.input();
            ByteBuffer big = ByteBuffer.allocate(200_000);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    while (big.hasRemaining()) {
                        client.write(big);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Nothing is consumed, as when a decoder waits for the rest of one large message.
            while (input.buffer().remaining() < 200_000) {
                assertThat(input.fill()).isPositive();
            }
            writer.join();
            assertThat(input.buffer().capacity()).isGreaterThanOrEqualTo(200_000);
        }
    }
}
