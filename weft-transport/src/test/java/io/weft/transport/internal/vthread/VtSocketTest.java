package io.weft.transport.internal.vthread;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A polled socket's waits and its close: the descriptor stays open while a reader or a writer is
 * inside, a close wakes them, and the last one out closes it.
 */
class VtSocketTest {

    private ServerSocketChannel server;
    private SocketChannel client;
    private SocketChannel accepted;

    @BeforeEach
    void connect() throws Exception {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        client = SocketChannel.open(server.getLocalAddress());
        accepted = server.accept();
    }

    @AfterEach
    void close() throws Exception {
        accepted.close();
        client.close();
        server.close();
    }

    @Test
    void aReadWaitsForInputWithoutBlockingTheChannel() throws Exception {
        VtSocket socket = VtSocket.polled(accepted);
        assertThat(accepted.isBlocking()).isFalse();
        CompletableFuture<Integer> read = new CompletableFuture<>();
        ByteBuffer dst = ByteBuffer.allocate(16);
        Thread.ofVirtual().start(() -> {
            try {
                read.complete(socket.read(dst));
            } catch (Exception e) {
                read.completeExceptionally(e);
            }
        });
        client.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        client.close();
        assertThat(socket.read(dst.clear())).isEqualTo(-1);
    }

    @Test
    void aCloseWhileAReaderWaitsIsDeferredUntilTheReaderLeaves() throws Exception {
        VtSocket socket = VtSocket.polled(accepted);
        assertThat(socket.enter()).isTrue();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Boolean> openWhenWoken = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().unstarted(() -> {
            try {
                socket.read(ByteBuffer.allocate(16));
                failure.complete(null);
            } catch (Exception e) {
                openWhenWoken.complete(accepted.isOpen());
                failure.complete(e);
            } finally {
                socket.exit();
            }
        });
        reader.start();
        awaitParked(reader);

        assertThat(socket.close()).as("deferred: the reader is inside").isFalse();
        assertThat(accepted.isOpen()).isTrue();
        LockSupport.unpark(reader);
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(AsynchronousCloseException.class);
        assertThat(openWhenWoken.get()).as("still open while the reader is inside").isTrue();
        reader.join();
        assertThat(accepted.isOpen()).as("closed by the last one out").isFalse();
        assertThat(socket.enter()).as("no I/O after a close").isFalse();
    }

    @Test
    void aCloseWakesAWriterWaitingForRoomAndTheLastOfTwoClosesTheChannel() throws Exception {
        VtSocket socket = VtSocket.polled(accepted);
        assertThat(socket.enter()).isTrue(); // this thread, as the reader
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread writer = Thread.ofVirtual().unstarted(() -> {
            if (!socket.enter()) {
                failure.complete(new AssertionError("writer refused"));
                return;
            }
            try {
                ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                while (true) {
                    // The client never reads: the send buffer fills and the writer waits for room.
                    socket.write(chunk.clear());
                }
            } catch (Exception e) {
                failure.complete(e);
            } finally {
                socket.exit();
            }
        });
        writer.start();
        awaitParked(writer);

        assertThat(socket.close()).isFalse();
        LockSupport.unpark(writer);
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(AsynchronousCloseException.class);
        writer.join();
        assertThat(accepted.isOpen()).as("the reader is still inside").isTrue();
        socket.exit();
        assertThat(accepted.isOpen()).isFalse();
    }

    @Test
    void aCloseWithNobodyInsideClosesAtOnce() throws Exception {
        VtSocket socket = VtSocket.polled(accepted);
        assertThat(socket.close()).isTrue();
        assertThat(accepted.isOpen()).isFalse();
    }

    /** Waits, bounded, until {@code t} is parked (in the poller or for room). */
    private static void awaitParked(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("thread parked in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
