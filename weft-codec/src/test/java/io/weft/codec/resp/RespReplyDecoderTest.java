package io.weft.codec.resp;

import static io.weft.codec.resp.RespVersion.RESP2;
import static io.weft.codec.resp.RespVersion.RESP3;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.resp.RespValue.ArrayValue;
import io.weft.codec.resp.RespValue.Attributed;
import io.weft.codec.resp.RespValue.BigNumber;
import io.weft.codec.resp.RespValue.BlobError;
import io.weft.codec.resp.RespValue.BooleanValue;
import io.weft.codec.resp.RespValue.BulkString;
import io.weft.codec.resp.RespValue.DoubleValue;
import io.weft.codec.resp.RespValue.Entry;
import io.weft.codec.resp.RespValue.ErrorValue;
import io.weft.codec.resp.RespValue.IntegerValue;
import io.weft.codec.resp.RespValue.MapValue;
import io.weft.codec.resp.RespValue.NullValue;
import io.weft.codec.resp.RespValue.PushValue;
import io.weft.codec.resp.RespValue.SetValue;
import io.weft.codec.resp.RespValue.SimpleString;
import io.weft.codec.resp.RespValue.Verbatim;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RespReplyDecoderTest {

    private static byte[] b(String s) {
        return s.getBytes(ISO_8859_1);
    }

    /** Replies written by RespWriter, and the values they must decode to. */
    private static final List<RespValue> VALUES = new ArrayList<>();

    private static byte[] corpus() {
        VALUES.clear();
        ByteBufferSink sink = new ByteBufferSink(64);
        RespConstant.OK.writeTo(sink);
        VALUES.add(new SimpleString("OK"));
        RespWriter.error(sink, "ERR wrong");
        VALUES.add(new ErrorValue("ERR wrong"));
        RespWriter.integer(sink, Long.MIN_VALUE);
        VALUES.add(new IntegerValue(Long.MIN_VALUE));
        RespWriter.bulk(sink, b("a\r\nb"));
        VALUES.add(new BulkString(b("a\r\nb")));
        RespWriter.nullBulk(sink, RESP2);
        VALUES.add(NullValue.INSTANCE);
        RespWriter.nullArray(sink, RESP2);
        VALUES.add(NullValue.INSTANCE);
        RespWriter.nullBulk(sink, RESP3);
        VALUES.add(NullValue.INSTANCE);
        RespWriter.arrayHeader(sink, 2);
        RespWriter.integer(sink, 1);
        RespWriter.arrayHeader(sink, 0);
        VALUES.add(new ArrayValue(List.of(new IntegerValue(1), new ArrayValue(List.of()))));
        RespWriter.mapHeader(sink, 1, RESP3);
        RespWriter.bulk(sink, b("k"));
        RespWriter.setHeader(sink, 1, RESP3);
        RespWriter.booleanReply(sink, true, RESP3);
        VALUES.add(new MapValue(List.of(new Entry(new BulkString(b("k")), new SetValue(List.of(new BooleanValue(true)))))));
        RespWriter.pushHeader(sink, 1, RESP3);
        RespWriter.doubleReply(sink, 1.5, RESP3);
        VALUES.add(new PushValue(List.of(new DoubleValue(1.5))));
        RespWriter.doubleReply(sink, Double.NEGATIVE_INFINITY, RESP3);
        VALUES.add(new DoubleValue(Double.NEGATIVE_INFINITY));
        RespWriter.verbatim(sink, "txt", b("hi"), RESP3);
        VALUES.add(new Verbatim("txt", b("hi")));
        sink.writeBytes(b("(-123456789012345678901234567890\r\n!4\r\nBAD!\r\n|1\r\n+ttl\r\n:3\r\n:7\r\n"));
        VALUES.add(new BigNumber("-123456789012345678901234567890"));
        VALUES.add(new BlobError(b("BAD!")));
        VALUES.add(new Attributed(List.of(new Entry(new SimpleString("ttl"), new IntegerValue(3))), new IntegerValue(7)));
        RespWriter.mapHeader(sink, 1, RESP2);
        RespWriter.bulk(sink, b("field"));
        RespWriter.bulk(sink, new byte[0]);
        VALUES.add(new ArrayValue(List.of(new BulkString(b("field")), new BulkString(new byte[0]))));
        ByteBuffer written = sink.written();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    private static List<RespValue> feed(RespReplyDecoder decoder, byte[] wire, int split) throws RespProtocolException {
        List<RespValue> values = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(wire.length).flip();
        for (int[] read : new int[][] {{0, split}, {split, wire.length - split}}) {
            buffer.compact().put(wire, read[0], read[1]).flip();
            RespValue value;
            while ((value = decoder.decode(buffer)) != null) {
                values.add(value);
            }
        }
        assertThat(buffer.hasRemaining()).isFalse();
        return values;
    }

    @Test
    void decodesWriterOutputOfEveryTypeSplitAtEveryPoint() throws RespProtocolException {
        byte[] wire = corpus();
        for (int split = 0; split <= wire.length; split++) {
            assertThat(feed(new RespReplyDecoder(), wire, split)).as("split at %d", split).isEqualTo(VALUES);
        }
    }

    @Test
    void measuresCompleteRepliesWithoutMovingThePosition() throws RespProtocolException {
        ByteBuffer in = ByteBuffer.wrap(b("*2\r\n$3\r\nabc\r\n:1\r\n+next\r\n"));
        assertThat(RespReplyDecoder.frameLength(in)).isEqualTo(17);
        assertThat(in.position()).isZero();
        assertThat(RespReplyDecoder.frameLength(in.limit(16))).isEqualTo(-1);
        assertThat(RespReplyDecoder.frameLength(ByteBuffer.wrap(b("*2\r\n$3\r\nabc\r\n")))).isEqualTo(-1);
    }

    @Test
    void leavesThePositionUntouchedOnNeedMore() throws RespProtocolException {
        byte[] wire = b("%1\r\n+k\r\n*2\r\n$5\r\nhello\r\n_\r\n");
        RespReplyDecoder decoder = new RespReplyDecoder();
        for (int length = 1; length < wire.length; length++) {
            ByteBuffer in = ByteBuffer.wrap(wire, 0, length);
            assertThat(decoder.decode(in)).isNull();
            assertThat(in.position()).isZero();
        }
        assertThat(decoder.decode(ByteBuffer.wrap(wire))).isEqualTo(new MapValue(List.of(new Entry(
                new SimpleString("k"), new ArrayValue(List.of(new BulkString(b("hello")), NullValue.INSTANCE))))));
    }

    @Test
    void decodesDeepNestingWithoutRecursion() throws RespProtocolException {
        StringBuilder wire = new StringBuilder();
        int depth = 100_000;
        wire.append("*1\r\n".repeat(depth)).append(":5\r\n");
        RespValue value = new RespReplyDecoder().decode(ByteBuffer.wrap(b(wire.toString())));
        for (int i = 0; i < depth; i++) {
            value = ((ArrayValue) value).elements().get(0);
        }
        assertThat(value).isEqualTo(new IntegerValue(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"?1\r\n", ":1x\r\n", "$-2\r\n", "$3\r\nabcd\r\n", "#x\r\n", "*-2\r\n", "+ok\n",
        "=2\r\nab\r\n", ",1.2.3\r\n", "(12a\r\n", "_x\r\n"})
    void rejectsMalformedReplies(String wire) {
        assertThatThrownBy(() -> new RespReplyDecoder().decode(ByteBuffer.wrap(b(wire))))
                .isInstanceOf(RespProtocolException.class)
                .satisfies(e -> assertThat(((RespProtocolException) e).reply()).isNull());
    }

    @Test
    void enforcesItsLimits() {
        RespReplyDecoder decoder = new RespReplyDecoder(new RespLimits(4, 2, 8));
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(b("$5\r\n")))).isInstanceOf(RespProtocolException.class);
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(b("*3\r\n")))).isInstanceOf(RespProtocolException.class);
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(b("+123456789")))).isInstanceOf(RespProtocolException.class);
    }
}
