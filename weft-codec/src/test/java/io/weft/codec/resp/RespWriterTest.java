package io.weft.codec.resp;

import static io.weft.codec.resp.RespVersion.RESP2;
import static io.weft.codec.resp.RespVersion.RESP3;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.ByteSink;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RespWriterTest {

    static byte[] bytesOf(ByteBufferSink sink) {
        ByteBuffer written = sink.written();
        byte[] out = new byte[written.remaining()];
        written.get(out);
        return out;
    }

    private static String written(Consumer<ByteSink> write) {
        ByteBufferSink sink = new ByteBufferSink(16);
        write.accept(sink);
        return new String(bytesOf(sink), ISO_8859_1);
    }

    private static byte[] b(String s) {
        return s.getBytes(ISO_8859_1);
    }

    @Test
    void writesTheTypesBothVersionsShare() {
        assertThat(written(s -> RespWriter.simpleString(s, "OK"))).isEqualTo("+OK\r\n");
        assertThat(written(s -> RespWriter.error(s, "ERR bad\r\nthing"))).isEqualTo("-ERR bad  thing\r\n");
        assertThat(written(s -> RespWriter.integer(s, -42))).isEqualTo(":-42\r\n");
        assertThat(written(s -> RespWriter.integer(s, Long.MIN_VALUE))).isEqualTo(":-9223372036854775808\r\n");
        assertThat(written(s -> RespWriter.bulk(s, b("a\r\nb")))).isEqualTo("$4\r\na\r\nb\r\n");
        assertThat(written(s -> RespWriter.bulk(s, b("xhello"), 1, 4))).isEqualTo("$4\r\nhell\r\n");
        assertThat(written(s -> RespWriter.bulk(s, new byte[0]))).isEqualTo("$0\r\n\r\n");
        ByteBuffer buffer = ByteBuffer.wrap(b("__abc__")).position(2).limit(5);
        assertThat(written(s -> RespWriter.bulk(s, buffer))).isEqualTo("$3\r\nabc\r\n");
        assertThat(buffer.position()).isEqualTo(2);
        assertThat(written(s -> RespWriter.bulk(s, -123L))).isEqualTo("$4\r\n-123\r\n");
        assertThat(written(s -> RespWriter.bulk(s, Long.MIN_VALUE))).isEqualTo("$20\r\n-9223372036854775808\r\n");
        assertThat(written(s -> RespWriter.arrayHeader(s, 3))).isEqualTo("*3\r\n");
        assertThat(written(s -> RespWriter.command(s, b("GET"), b("k")))).isEqualTo("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n");
        assertThatThrownBy(() -> written(s -> RespWriter.simpleString(s, "a\nb")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTheTypesThatDifferByVersion() {
        assertThat(written(s -> RespWriter.nullBulk(s, RESP2))).isEqualTo("$-1\r\n");
        assertThat(written(s -> RespWriter.nullBulk(s, RESP3))).isEqualTo("_\r\n");
        assertThat(written(s -> RespWriter.nullArray(s, RESP2))).isEqualTo("*-1\r\n");
        assertThat(written(s -> RespWriter.nullArray(s, RESP3))).isEqualTo("_\r\n");
        assertThat(written(s -> RespWriter.mapHeader(s, 2, RESP2))).isEqualTo("*4\r\n");
        assertThat(written(s -> RespWriter.mapHeader(s, 2, RESP3))).isEqualTo("%2\r\n");
        assertThat(written(s -> RespWriter.setHeader(s, 2, RESP2))).isEqualTo("*2\r\n");
        assertThat(written(s -> RespWriter.setHeader(s, 2, RESP3))).isEqualTo("~2\r\n");
        assertThat(written(s -> RespWriter.pushHeader(s, 3, RESP2))).isEqualTo("*3\r\n");
        assertThat(written(s -> RespWriter.pushHeader(s, 3, RESP3))).isEqualTo(">3\r\n");
        assertThat(written(s -> RespWriter.booleanReply(s, true, RESP2))).isEqualTo(":1\r\n");
        assertThat(written(s -> RespWriter.booleanReply(s, false, RESP2))).isEqualTo(":0\r\n");
        assertThat(written(s -> RespWriter.booleanReply(s, true, RESP3))).isEqualTo("#t\r\n");
        assertThat(written(s -> RespWriter.booleanReply(s, false, RESP3))).isEqualTo("#f\r\n");
        assertThat(written(s -> RespWriter.verbatim(s, "txt", b("hi\n"), RESP2))).isEqualTo("$3\r\nhi\n\r\n");
        assertThat(written(s -> RespWriter.verbatim(s, "txt", b("hi\n"), RESP3))).isEqualTo("=7\r\ntxt:hi\n\r\n");
        assertThat(written(s -> RespWriter.doubleReply(s, 1.5, RESP2))).isEqualTo("$3\r\n1.5\r\n");
        assertThat(written(s -> RespWriter.doubleReply(s, 1.5, RESP3))).isEqualTo(",1.5\r\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "-0.0|-0", "1.5|1.5", "3000|3000", "-7|-7", "0.1|0.10000000000000001", "1e16|10000000000000000",
        "1e17|1e+17", "1.5e300|1.5000000000000001e+300", "0.0001|0.0001", "0.00001|1.0000000000000001e-05",
        "123.456|123.456", "0.3333333333333333|0.33333333333333331", "Infinity|inf", "-Infinity|-inf",
        "NaN|nan", "2.5e-8|2.4999999999999999e-08", "-1234567.125|-1234567.125", "4.9e-324|4.9406564584124654e-324"
    })
    void writesDoublesAsRedisPrintfG17(double value, String text) {
        assertThat(written(s -> RespWriter.doubleReply(s, value, RESP3))).isEqualTo("," + text + "\r\n");
        assertThat(written(s -> RespWriter.doubleReply(s, value, RESP2)))
                .isEqualTo("$" + text.length() + "\r\n" + text + "\r\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.5|10.5", "3000|3000", "-0.0|0", "0|0", "10.6|10.6", "0.1|0.1", "1e-20|0", "-1e-20|0",
        "1e21|1000000000000000000000", "-2.5|-2.5", "1.5e-10|0.00000000015", "Infinity|inf"
    })
    void writesIncrByFloatResultsInHumanForm(double value, String text) {
        assertThat(written(s -> RespWriter.humanDoubleBulk(s, value)))
                .isEqualTo("$" + text.length() + "\r\n" + text + "\r\n");
    }

    @Test
    void preEncodedConstantsAreTheRepliesTheyName() {
        assertThat(written(s -> RespWriter.writeConstant(s, RespConstant.OK))).isEqualTo("+OK\r\n");
        assertThat(written(RespConstant.PONG::writeTo)).isEqualTo("+PONG\r\n");
        assertThat(written(RespConstant.QUEUED::writeTo)).isEqualTo("+QUEUED\r\n");
        assertThat(written(RespConstant.NULL_BULK::writeTo)).isEqualTo("$-1\r\n");
        assertThat(written(RespConstant.NULL::writeTo)).isEqualTo("_\r\n");
        assertThat(written(RespConstant.EMPTY_ARRAY::writeTo)).isEqualTo("*0\r\n");
        assertThat(written(RespConstant.ZERO::writeTo)).isEqualTo(":0\r\n");
        assertThat(written(RespConstant.ONE::writeTo)).isEqualTo(":1\r\n");
        byte[] copy = RespConstant.OK.bytes();
        copy[1] = 'X';
        assertThat(written(RespConstant.OK::writeTo)).isEqualTo("+OK\r\n");
    }

    @Test
    void encodesCommandsForClients() {
        ByteBufferSink sink = new ByteBufferSink(16);
        new RespRequestEncoder().encode(java.util.List.of(b("SET"), b("k"), b("")), sink);
        assertThat(new String(bytesOf(sink), ISO_8859_1)).isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n");
    }
}
