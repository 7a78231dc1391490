package io.weft.codec.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RawCodecTest {

    private static byte[] concat(Iterable<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Test
    void returnsEverythingBetweenPositionAndLimitAsOneMessage() {
        ByteBuffer in = ByteBuffer.wrap("__hello__".getBytes()).position(2).limit(7);
        RawDecoder decoder = new RawDecoder();

        ByteBuffer message = decoder.decode(in);

        assertThat(message.position()).isEqualTo(2);
        assertThat(message.limit()).isEqualTo(7);
        assertThat(EngineFeed.copy(message)).isEqualTo("hello".getBytes());
        assertThat(in.position()).isEqualTo(7);
        assertThat(decoder.decode(in)).as("nothing left").isNull();
        assertThat(in.position()).isEqualTo(7);
    }

    @Test
    void emptyInputIsNeedMoreNotAnEmptyMessage() {
        assertThat(new RawDecoder().decode(ByteBuffer.allocate(0))).isNull();
    }

    @Test
    void deliversEveryByteInOrderWhateverTheSplit() throws ProtocolException {
        byte[] bytes = Payloads.random(new Random(21), 300);

        for (int split = 0; split <= bytes.length; split++) {
            EngineFeed feed = new EngineFeed(new RawDecoder(), 16, true)
                    .read(bytes, 0, split)
                    .read(bytes, split, bytes.length - split);
            assertThat(concat(feed.messages())).as("split at %d", split).isEqualTo(bytes);
            assertThat(feed.messages()).as("one message per non-empty read")
                    .hasSize((split > 0 ? 1 : 0) + (split < bytes.length ? 1 : 0));
        }
    }

    @Test
    void roundTripsA64KiBPayloadThroughTheEncoder() throws ProtocolException {
        byte[] payload = Payloads.random(new Random(22), 65536);
        ByteBufferSink sink = new ByteBufferSink(16);
        new RawEncoder().encode(ByteBuffer.wrap(payload), sink);

        EngineFeed feed = new EngineFeed(new RawDecoder(), 4096, false)
                .readInChunks(EngineFeed.copy(sink.written()), 1460);

        assertThat(concat(feed.messages())).isEqualTo(payload);
    }

    @Test
    void neverHoldsAPartialMessage() {
        RawDecoder decoder = new RawDecoder();
        decoder.decode(ByteBuffer.wrap(new byte[] {1, 2, 3}));

        assertThat(decoder.hasPartialMessage()).isFalse();
    }

    @Test
    void reusesOneViewWhileTheInputBufferIsTheSameObject() {
        ByteBuffer in = ByteBuffer.wrap("abcdef".getBytes()).limit(3);
        RawDecoder decoder = new RawDecoder();

        ByteBuffer first = decoder.decode(in);
        in.limit(6);
        ByteBuffer second = decoder.decode(in);

        assertThat(second).isSameAs(first);
        assertThat(EngineFeed.copy(second)).isEqualTo("def".getBytes());
        assertThat(decoder.decode(ByteBuffer.wrap(new byte[] {9}))).isNotSameAs(first);
    }

    @Test
    void encoderWritesTheBytesAsTheyAreWithoutMovingTheSource() {
        ByteBuffer message = ByteBuffer.wrap(new byte[] {'\n', 0, '\r', 7}).position(1);
        ByteBufferSink sink = new ByteBufferSink(16);

        new RawEncoder().encode(message, sink);

        assertThat(EngineFeed.copy(sink.written())).containsExactly(0, '\r', 7);
        assertThat(message.position()).isEqualTo(1);
    }
}
