package io.weft.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ByteBufferSinkTest {

    private static String text(ByteBuffer b) {
        return StandardCharsets.US_ASCII.decode(b.duplicate()).toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, -7, 10, 99, 100, 12345, -12345, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
        999_999_999_999_999_999L, 1_000_000_000_000_000_000L})
    void writesDecimalNumbersLikeLongToString(long value) {
        ByteBufferSink sink = new ByteBufferSink(4);
        sink.writeAsciiLong(value);
        assertThat(text(sink.readable())).isEqualTo(Long.toString(value));
    }

    @Test
    void readableViewIsReusedUntilTheSinkGrowsAndAlwaysShowsEverythingWritten() {
        ByteBufferSink sink = new ByteBufferSink(16);
        sink.writeBytes("abc".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer first = sink.readable();
        assertThat(text(first)).isEqualTo("abc");
        sink.writeByte('d');
        assertThat(sink.readable()).isSameAs(first);
        assertThat(text(sink.readable())).isEqualTo("abcd");
        sink.writeBytes(ByteBuffer.wrap(new byte[100]));
        assertThat(sink.readable()).isNotSameAs(first);
        assertThat(sink.readable().remaining()).isEqualTo(104);
        sink.clear();
        assertThat(sink.readable().remaining()).isZero();
    }

    @Test
    void writingABufferDoesNotMoveItsPosition() {
        ByteBuffer source = ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII));
        ByteBufferSink sink = new ByteBufferSink(2);
        sink.writeBytes(source).writeBytes(source).writeInt(0x01020304);
        assertThat(source.position()).isZero();
        ByteBuffer out = sink.readable();
        assertThat(out.remaining()).isEqualTo(14);
        assertThat(out.getInt(10)).isEqualTo(0x01020304);
    }
}
