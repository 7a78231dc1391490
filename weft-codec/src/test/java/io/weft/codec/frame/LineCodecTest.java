package io.weft.codec.frame;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineCodecTest {

    private static final LineEncoder ENCODER = new LineEncoder();

    private static LineDecoder decoder(int maxFrameLength) {
        return new LineDecoder(new FrameLimits(maxFrameLength));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(US_ASCII);
    }

    private static List<String> decodeAll(String wire, int chunk) throws ProtocolException {
        EngineFeed feed = new EngineFeed(decoder(1024), 16, true).readInChunks(ascii(wire), chunk);
        return feed.messages().stream().map(m -> new String(m, US_ASCII)).toList();
    }

    @Test
    void roundTripsLinesSplitAtEveryPoint() throws ProtocolException {
        List<byte[]> lines = Payloads.smallMix(new Random(11), true);
        byte[] wire = EngineFeed.encodeAll(ENCODER, lines);

        for (int split = 0; split <= wire.length; split++) {
            EngineFeed feed = new EngineFeed(decoder(1024), 16, true)
                    .read(wire, 0, split)
                    .read(wire, split, wire.length - split);
            assertThat(feed.messages()).as("split at %d", split).containsExactlyElementsOf(lines);
            assertThat(feed.pending()).isZero();
        }
    }

    @Test
    void roundTripsCrlfLinesSplitAtEveryPoint() throws ProtocolException {
        List<byte[]> lines = Payloads.smallMix(new Random(12), true);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            wire.writeBytes(line);
            wire.writeBytes(ascii("\r\n"));
        }
        byte[] bytes = wire.toByteArray();

        for (int split = 0; split <= bytes.length; split++) {
            EngineFeed feed = new EngineFeed(decoder(1024), 16, true)
                    .read(bytes, 0, split)
                    .read(bytes, split, bytes.length - split);
            assertThat(feed.messages()).as("split at %d", split).containsExactlyElementsOf(lines);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 65535, 65536})
    void roundTripsLongLinesInAnyChunking(int size) throws ProtocolException {
        Random random = new Random(size);
        List<byte[]> lines = List.of(Payloads.randomLine(random, size), Payloads.randomLine(random, size / 3));
        byte[] wire = EngineFeed.encodeAll(ENCODER, lines);

        for (int chunk : new int[] {1, 2, 7, 1460, 8192, wire.length}) {
            EngineFeed feed = new EngineFeed(decoder(65536), 4096, false).readInChunks(wire, chunk);
            assertThat(feed.messages()).as("chunks of %d", chunk).containsExactlyElementsOf(lines);
        }
    }

    @Test
    void acceptsLfAndCrlfAndKeepsACarriageReturnElsewhere() throws ProtocolException {
        assertThat(decodeAll("a\r\nb\nc\r\n", 100)).containsExactly("a", "b", "c");
        assertThat(decodeAll("a\rb\n\rc\n", 100)).containsExactly("a\rb", "\rc");
        assertThat(decodeAll("x\r\r\n", 100)).as("only one CR is part of the delimiter").containsExactly("x\r");
    }

    @Test
    void emptyLinesAreEmptyMessages() throws ProtocolException {
        assertThat(decodeAll("\n\r\n\n", 1)).containsExactly("", "", "");
        assertThat(decodeAll("\r\n", 100)).containsExactly("");
    }

    @Test
    void decodesBackToBackLinesFromOneBufferAndAdvancesPastEachDelimiter() throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(ascii("GET\r\nSET\nrest"));
        LineDecoder decoder = decoder(100);

        ByteBuffer first = decoder.decode(in);
        assertThat(first.position()).isZero();
        assertThat(first.limit()).isEqualTo(3);
        assertThat(in.position()).isEqualTo(5);
        assertThat(EngineFeed.copy(decoder.decode(in))).isEqualTo(ascii("SET"));
        assertThat(in.position()).isEqualTo(9);
        assertThat(decoder.decode(in)).isNull();
        assertThat(in.position()).as("position untouched on need-more").isEqualTo(9);
        assertThat(decoder.hasPartialMessage()).isTrue();
    }

    @Test
    void reportsPartialMessageOnlyWhileALineIsUnterminated() throws ProtocolException {
        LineDecoder decoder = decoder(100);
        ByteBuffer in = ByteBuffer.wrap(ascii("ab\n"));

        assertThat(decoder.decode(in.limit(0))).isNull();
        assertThat(decoder.hasPartialMessage()).isFalse();
        assertThat(decoder.decode(in.limit(2))).isNull();
        assertThat(decoder.hasPartialMessage()).isTrue();
        assertThat(decoder.decode(in.limit(3))).isNotNull();
        assertThat(decoder.hasPartialMessage()).isFalse();
    }

    @Test
    void resumesScanningWhereItStoppedInsteadOfRescanning() throws ProtocolException {
        LineDecoder decoder = decoder(100);
        ByteBuffer in = ByteBuffer.wrap(ascii("abcdef\n")).limit(3);
        assertThat(decoder.decode(in)).isNull();

        // Plant a '\n' in bytes the decoder has already searched. Callers never do this; here it shows
        // that those bytes are not read again, which is what keeps byte-by-byte arrival linear.
        in.put(1, (byte) '\n');
        in.limit(5);
        assertThat(decoder.decode(in)).isNull();
        in.limit(7);
        assertThat(EngineFeed.copy(decoder.decode(in))).isEqualTo(ascii("a\ncdef"));
    }

    @Test
    void keepsItsScanOffsetRelativeToPositionWhenTheCallerCompacts() throws ProtocolException {
        LineDecoder decoder = decoder(100);
        ByteBuffer in = ByteBuffer.allocate(32);
        in.put(ascii("x\nhel")).flip();
        assertThat(EngineFeed.copy(decoder.decode(in))).isEqualTo(ascii("x"));
        assertThat(decoder.decode(in)).isNull();

        in.compact().put(ascii("lo\n")).flip();

        assertThat(EngineFeed.copy(decoder.decode(in))).isEqualTo(ascii("hello"));
    }

    @Test
    void rejectsAnUnterminatedLineAsSoonAsItPassesTheLimit() throws ProtocolException {
        LineDecoder decoder = decoder(8);
        ByteBuffer in = ByteBuffer.wrap(ascii("123456789\n"));

        for (int limit = 1; limit <= 8; limit++) {
            assertThat(decoder.decode(in.limit(limit))).isNull();
        }
        assertThatThrownBy(() -> decoder.decode(in.limit(9)))
                .isInstanceOfSatisfying(FrameTooLongException.class, e -> {
                    assertThat(e.length()).isEqualTo(9);
                    assertThat(e.maxFrameLength()).isEqualTo(8);
                    assertThat(e.getMessage()).contains("9").contains("8");
                });
    }

    @Test
    void acceptsALineOfExactlyTheLimitEvenWhenItsCrArrivesBeforeItsLf() throws ProtocolException {
        LineDecoder decoder = decoder(8);
        ByteBuffer in = ByteBuffer.wrap(ascii("12345678\r\n"));

        assertThat(decoder.decode(in.limit(9))).as("8 bytes and a CR may still be a valid line").isNull();
        assertThat(EngineFeed.copy(decoder.decode(in.limit(10)))).isEqualTo(ascii("12345678"));
    }

    @Test
    void rejectsATerminatedLineOverTheLimit() {
        ByteBuffer in = ByteBuffer.wrap(ascii("123456789\r\n"));

        assertThatThrownBy(() -> decoder(8).decode(in)).isInstanceOf(FrameTooLongException.class);
    }

    @Test
    void garbageSplitsExactlyLikeANaiveReference() throws ProtocolException {
        Random random = new Random(13);
        byte[] alphabet = {'a', '\r', '\n', 0, (byte) 0xFF};
        for (int run = 0; run < 100; run++) {
            byte[] garbage = new byte[200];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = alphabet[random.nextInt(alphabet.length)];
            }
            EngineFeed feed = new EngineFeed(decoder(1024), 16, true).readInChunks(garbage, 1 + run % 7);
            assertThat(feed.messages()).containsExactlyElementsOf(naiveLines(garbage));
        }
    }

    /** Splits on '\n' and drops one '\r' before it, the slow obvious way; the unterminated tail is left. */
    private static List<byte[]> naiveLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                lines.add(Arrays.copyOfRange(bytes, start, end));
                start = i + 1;
            }
        }
        return lines;
    }

    @Test
    void reusesOneViewWhileTheInputBufferIsTheSameObject() throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(ascii("a\nbb\n"));
        LineDecoder decoder = decoder(100);

        ByteBuffer first = decoder.decode(in);
        ByteBuffer second = decoder.decode(in);
        assertThat(second).isSameAs(first);
        assertThat(EngineFeed.copy(second)).isEqualTo(ascii("bb"));

        ByteBuffer fromOther = decoder.decode(ByteBuffer.wrap(ascii("z\n")));
        assertThat(fromOther).isNotSameAs(first);
        assertThat(EngineFeed.copy(fromOther)).isEqualTo(ascii("z"));
    }

    @Test
    void encoderAppendsLfWithoutMovingTheSource() {
        ByteBuffer message = ByteBuffer.wrap(ascii("-ping")).position(1);
        ByteBufferSink sink = new ByteBufferSink(16);

        ENCODER.encode(message, sink);
        ENCODER.encode(ByteBuffer.allocate(0), sink);

        assertThat(EngineFeed.copy(sink.written())).isEqualTo(ascii("ping\n\n"));
        assertThat(message.position()).isEqualTo(1);
    }
}
