package io.weft.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The conformance suite's handler: echoes, except for a few commands that make the server do
 * something a test needs. Every event is put on a queue the test can wait on.
 *
 * <ul>
 *   <li>{@code boom}: throw from onMessage</li>
 *   <li>{@code big:N}: reply with N bytes (one frame)</li>
 *   <li>{@code close}: reply "bye", then close gracefully</li>
 *   <li>{@code flood:N}: send N frames of 64 KiB, pausing whenever the connection is not writable and
 *       resuming on {@code onWritabilityChanged(true)}, as a well-behaved producer does</li>
 * </ul>
 */
final class ScriptedHandler implements Handler<ByteBuffer, ByteBuffer> {

    /** Events from every connection of one test, in order of occurrence per connection. */
    static final class Events {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        void add(String event) {
            queue.add(event);
        }

        /** Waits up to 20 s for an event that starts with {@code prefix}; earlier others are dropped. */
        String await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (true) {
                long left = deadline - System.nanoTime();
                String e = left <= 0 ? null : queue.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("no event starting with " + prefix);
                }
                if (e.startsWith(prefix)) {
                    return e;
                }
            }
        }
    }

    private final Events events;
    private int floodLeft;

    ScriptedHandler(Events events) {
        this.events = events;
    }

    @Override
    public void onOpen(Connection<ByteBuffer> c) {
        events.add("open " + c.id());
    }

    @Override
    public void onMessage(Connection<ByteBuffer> c, ByteBuffer message) {
        String text = message.remaining() < 32 ? StandardCharsets.UTF_8.decode(message.duplicate()).toString() : "";
        if (text.equals("boom")) {
            throw new IllegalStateException("boom requested by the test");
        }
        if (text.startsWith("big:")) {
            int n = Integer.parseInt(text.substring(4));
            byte[] payload = new byte[n];
            for (int i = 0; i < n; i++) {
                payload[i] = (byte) i;
            }
            c.write(ByteBuffer.wrap(payload));
            events.add("queued " + n);
            return;
        }
        if (text.startsWith("flood:")) {
            floodLeft = Integer.parseInt(text.substring(6));
            flood(c);
            return;
        }
        if (text.equals("close")) {
            c.write(ByteBuffer.wrap("bye".getBytes(StandardCharsets.UTF_8)));
            c.close();
            return;
        }
        c.write(message);
    }

    private void flood(Connection<ByteBuffer> c) {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        while (floodLeft > 0 && c.isWritable()) {
            c.write(chunk.duplicate());
            floodLeft--;
        }
        c.flush();
        events.add(floodLeft > 0 ? "flood paused" : "flood done");
    }

    @Override
    public void onWritabilityChanged(Connection<ByteBuffer> c, boolean writable) {
        events.add("writable " + writable);
        if (writable && floodLeft > 0) {
            flood(c);
        }
    }

    @Override
    public void onIdle(Connection<ByteBuffer> c, IdleEvent event) {
        events.add("idle " + event);
        if (event == IdleEvent.HEARTBEAT) {
            c.write(ByteBuffer.wrap("heartbeat".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void onClose(Connection<ByteBuffer> c, CloseReason reason) {
        events.add("close " + reason);
    }
}
