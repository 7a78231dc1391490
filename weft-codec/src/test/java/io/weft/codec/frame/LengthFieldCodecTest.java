package io.weft.codec.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LengthFieldCodecTest {

    private static final LengthFieldEncoder ENCODER = new LengthFieldEncoder();

    private static LengthFieldDecoder decoder(int maxFrameLength) {
        return new LengthFieldDecoder(new FrameLimits(maxFrameLength));
    }

    private static byte[] frame(int declaredLength, byte... payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(declaredLength).put(payload).array();
    }

    @Test
    void roundTripsMessagesSplitAtEveryPoint() throws ProtocolException {
        List<byte[]> payloads = Payloads.smallMix(new Random(1), false);
        byte[] wire = EngineFeed.encodeAll(ENCODER, payloads);

        for (int split = 0; split <= wire.length; split++) {
            EngineFeed feed = new EngineFeed(decoder(1024), 16, true)
                    .read(wire, 0, split)
                    .read(wire, split, wire.length - split);
            assertThat(feed.messages()).as("split at %d", split).containsExactlyElementsOf(payloads);
            assertThat(feed.pending()).isZero();
        }
    }

    @Test
    void roundTripsMessagesFedOneByteAtATime() throws ProtocolException {
        List<byte[]> payloads = Payloads.smallMix(new Random(2), false);
        byte[] wire = EngineFeed.encodeAll(ENCODER, payloads);

        EngineFeed feed = new EngineFeed(decoder(1024), 8, true).readInChunks(wire, 1);

        assertThat(feed.messages()).containsExactlyElementsOf(payloads);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 65535, 65536})
    void roundTripsLargePayloadsInAnyChunking(int size) throws ProtocolException {
        Random random = new Random(size);
        List<byte[]> payloads = List.of(Payloads.random(random, size), Payloads.random(random, size / 2));
        byte[] wire = EngineFeed.encodeAll(ENCODER, payloads);

        for (int chunk : new int[] {1, 3, 4, 5, 1460, 8192, wire.length}) {
            EngineFeed feed = new EngineFeed(decoder(65536), 4096, false).readInChunks(wire, chunk);
            assertThat(feed.messages()).as("chunks of %d", chunk).containsExactlyElementsOf(payloads);
        }
    }

    @Test
    void decodesBackToBackFramesFromOneBuffer() throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(EngineFeed.encodeAll(ENCODER,
                List.of("one".getBytes(), "".getBytes(), "three".getBytes())));
        LengthFieldDecoder decoder = decoder(100);

        assertThat(EngineFeed.copy(decoder.decode(in))).isEqualTo("one".getBytes());
        assertThat(in.position()).isEqualTo(7);
        assertThat(EngineFeed.copy(decoder.decode(in))).isEmpty();
        assertThat(in.position()).isEqualTo(11);
        assertThat(EngineFeed.copy(decoder.decode(in))).isEqualTo("three".getBytes());
        assertThat(in.hasRemaining()).isFalse();
        assertThat(decoder.decode(in)).isNull();
    }

    @Test
    void returnsViewAtPayloadBoundsSharingTheInputMemory() throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(frame(3, (byte) 'a', (byte) 'b', (byte) 'c'));

        ByteBuffer message = decoder(100).decode(in);

        assertThat(message.position()).isEqualTo(4);
        assertThat(message.limit()).isEqualTo(7);
        in.put(5, (byte) 'X');
        assertThat(message.get(5)).as("a view, not a copy").isEqualTo((byte) 'X');
    }

    @Test
    void leavesPositionUntouchedUntilTheWholeFrameIsThere() throws ProtocolException {
        // Two bytes of an earlier frame's tail, then "hello" framed: the frame starts at index 2.
        byte[] wire = frame(5, "hello".getBytes());
        byte[] bytes = new byte[2 + wire.length];
        System.arraycopy(wire, 0, bytes, 2, wire.length);
        ByteBuffer in = ByteBuffer.wrap(bytes).position(2);
        LengthFieldDecoder decoder = decoder(100);

        for (int limit = 2; limit < bytes.length; limit++) {
            assertThat(decoder.decode(in.limit(limit))).as("limit %d", limit).isNull();
            assertThat(in.position()).isEqualTo(2);
        }
        assertThat(EngineFeed.copy(decoder.decode(in.limit(bytes.length)))).isEqualTo("hello".getBytes());
        assertThat(in.position()).isEqualTo(bytes.length);
    }

    @Test
    void reportsPartialMessageOnlyWhileAFrameIsIncomplete() throws ProtocolException {
        LengthFieldDecoder decoder = decoder(100);
        ByteBuffer in = ByteBuffer.wrap(frame(2, (byte) 'h', (byte) 'i'));

        assertThat(decoder.hasPartialMessage()).isFalse();
        decoder.decode(in.limit(0));
        assertThat(decoder.hasPartialMessage()).as("nothing received").isFalse();
        decoder.decode(in.limit(2));
        assertThat(decoder.hasPartialMessage()).as("half a header").isTrue();
        decoder.decode(in.limit(5));
        assertThat(decoder.hasPartialMessage()).as("header and half the payload").isTrue();
        assertThat(decoder.decode(in.limit(6))).isNotNull();
        assertThat(decoder.hasPartialMessage()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x8000_0000, 0xFFFF_FFFF, 0x7FFF_FFFF, (16 << 20) + 1})
    void rejectsHugeDeclaredLengthAsSoonAsTheHeaderArrives(int declared) {
        // Only the 4 header bytes exist; the decoder must not wait for (or make room for) the payload.
        ByteBuffer in = ByteBuffer.wrap(frame(declared));
        LengthFieldDecoder decoder = new LengthFieldDecoder(FrameLimits.DEFAULT);

        assertThatThrownBy(() -> decoder.decode(in))
                .isInstanceOfSatisfying(FrameTooLongException.class, e -> {
                    assertThat(e.length()).isEqualTo(Integer.toUnsignedLong(declared));
                    assertThat(e.maxFrameLength()).isEqualTo(FrameLimits.DEFAULT.maxFrameLength());
                    assertThat(e.getMessage())
                            .contains(Long.toString(Integer.toUnsignedLong(declared)))
                            .contains(Integer.toString(FrameLimits.DEFAULT.maxFrameLength()));
                });
    }

    @Test
    void acceptsExactlyTheLimitAndRejectsOneMore() throws ProtocolException {
        byte[] atLimit = frame(4, "abcd".getBytes());
        assertThat(EngineFeed.copy(decoder(4).decode(ByteBuffer.wrap(atLimit)))).isEqualTo("abcd".getBytes());

        ByteBuffer overLimit = ByteBuffer.wrap(frame(5));
        assertThatThrownBy(() -> decoder(4).decode(overLimit)).isInstanceOf(FrameTooLongException.class);
    }

    @Test
    void readsTheLengthBigEndianWhateverTheBufferOrder() throws ProtocolException {
        byte[] wire = frame(2, (byte) 'o', (byte) 'k');
        ByteBuffer in = ByteBuffer.wrap(wire).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(EngineFeed.copy(decoder(100).decode(in))).isEqualTo("ok".getBytes());
    }

    @Test
    void garbageEitherFailsWithFrameTooLongOrYieldsFramesWithinTheLimit() {
        Random random = new Random(3);
        int failures = 0;
        for (int run = 0; run < 200; run++) {
            byte[] garbage = Payloads.random(random, 64);
            // Small headers now and then, so some garbage parses as frames.
            garbage[0] = garbage[1] = garbage[2] = 0;
            garbage[3] = (byte) (garbage[3] & 0x3F);
            EngineFeed feed = new EngineFeed(decoder(40), 64, false);
            try {
                feed.read(garbage);
            } catch (FrameTooLongException e) {
                failures++;
                assertThat(e.length()).isGreaterThan(40);
            } catch (ProtocolException e) {
                throw new AssertionError("only FrameTooLongException is expected", e);
            }
            int consumed = 64 - feed.pending();
            assertThat(consumed).isEqualTo(feed.messages().stream().mapToInt(m -> m.length + 4).sum());
            assertThat(feed.messages()).allSatisfy(m -> assertThat(m.length).isLessThanOrEqualTo(40));
        }
        assertThat(failures).as("random headers beyond the first are mostly huge").isPositive();
    }

    @Test
    void reusesOneViewWhileTheInputBufferIsTheSameObject() throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(EngineFeed.encodeAll(ENCODER,
                List.of("a".getBytes(), "bb".getBytes(), "ccc".getBytes())));
        LengthFieldDecoder decoder = decoder(100);

        ByteBuffer first = decoder.decode(in);
        ByteBuffer second = decoder.decode(in);
        assertThat(second).isSameAs(first);
        assertThat(EngineFeed.copy(second)).isEqualTo("bb".getBytes());

        ByteBuffer other = ByteBuffer.wrap(frame(1, (byte) 'z'));
        ByteBuffer fromOther = decoder.decode(other);
        assertThat(fromOther).as("a different input buffer gets its own view").isNotSameAs(first);
        assertThat(EngineFeed.copy(fromOther)).isEqualTo("z".getBytes());
    }

    @Test
    void encoderWritesBigEndianLengthThenPayloadWithoutMovingTheSource() {
        ByteBuffer message = ByteBuffer.wrap("xhey".getBytes()).position(1);
        ByteBufferSink sink = new ByteBufferSink(16);

        ENCODER.encode(message, sink);

        assertThat(EngineFeed.copy(sink.written())).containsExactly(0, 0, 0, 3, 'h', 'e', 'y');
        assertThat(message.position()).isEqualTo(1);
    }

    @Test
    void encoderWritesLengthsAbove255AsFourBytes() {
        ByteBufferSink sink = new ByteBufferSink(16);
        ENCODER.encode(ByteBuffer.allocate(0x01_02_03), sink);

        ByteBuffer written = sink.written();
        byte[] header = {written.get(0), written.get(1), written.get(2), written.get(3)};
        assertThat(header).containsExactly(0, 1, 2, 3);
        assertThat(sink.size()).isEqualTo(4 + 0x01_02_03);
    }
}
