package io.weft.loadgen.target;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.resp.RespVersion;
import io.weft.loadgen.spi.RequestWriter;
import org.junit.jupiter.api.Test;

class RespRequestWriterTest {

    private static RequestWriter writer(RespWorkload workload, long keyspace, int valueSize, RespVersion version,
            int index) {
        return new RespTarget(new RespTarget.Options(workload, KeyPattern.SEQUENTIAL, keyspace, valueSize, version))
                .newWriter(index);
    }

    private final ByteBufferSink sink = new ByteBufferSink(256);

    private String written() {
        String s = US_ASCII.decode(sink.written()).toString();
        sink.clear();
        return s;
    }

    @Test
    void setSendsTheKeyAndItsValueAsARespArray() {
        RequestWriter w = writer(RespWorkload.command("SET __key__ __value__"), 100, 8, RespVersion.RESP2, 0);
        assertThat(w.writeRequest(sink)).isEqualTo(0);
        assertThat(written()).isEqualTo("*3\r\n$3\r\nSET\r\n$16\r\nkey:000000000000\r\n$8\r\n0:cdefgh\r\n");
        assertThat(w.writeRequest(sink)).isEqualTo(1);
        assertThat(written()).isEqualTo("*3\r\n$3\r\nSET\r\n$16\r\nkey:000000000001\r\n$8\r\n1:defghi\r\n");
    }

    @Test
    void aMixFollowsItsCycleAndTheTokenNamesTemplateAndKey() {
        RequestWriter w = writer(RespWorkload.ratio("set:get=1:1"), 100, 4, RespVersion.RESP2, 0);
        assertThat(w.writeRequest(sink)).isEqualTo(0); // template 0 (SET), key 0
        assertThat(written()).isEqualTo("*3\r\n$3\r\nSET\r\n$16\r\nkey:000000000000\r\n$4\r\n0:cd\r\n");
        assertThat(w.writeRequest(sink)).isEqualTo(1L << 48 | 1);
        assertThat(written()).isEqualTo("*2\r\n$3\r\nGET\r\n$16\r\nkey:000000000001\r\n");
        assertThat(w.writeRequest(sink)).isEqualTo(2);
        assertThat(written()).startsWith("*3\r\n$3\r\nSET\r\n$16\r\nkey:000000000002\r\n");
    }

    @Test
    void connectionsStartAtDifferentPointsOfTheMix() {
        RequestWriter second = writer(RespWorkload.ratio("set:get=1:1"), 1_000, 4, RespVersion.RESP2, 1);
        long token = second.writeRequest(sink);
        assertThat(written()).startsWith("*2\r\n$3\r\nGET\r\n$16\r\nkey:000000000618\r\n");
        assertThat(token).isEqualTo(1L << 48 | 618);
    }

    @Test
    void keysOfOtherTypesHaveTheirOwnPrefixAndCommandsWithoutKeysSendNone() {
        RequestWriter w = writer(RespWorkload.ratio("hset:ping=1:1"), 10, 3, RespVersion.RESP2, 0);
        assertThat(w.writeRequest(sink)).isEqualTo(0);
        assertThat(written()).isEqualTo("*4\r\n$4\r\nHSET\r\n$17\r\nhash:000000000000\r\n$5\r\nfield\r\n$3\r\n0:c\r\n");
        assertThat(w.writeRequest(sink)).isEqualTo(1L << 48);
        assertThat(written()).isEqualTo("*1\r\n$4\r\nPING\r\n");
    }

    @Test
    void resp3SendsHelloFirstAndResp2SendsNothing() {
        RequestWriter resp3 = writer(RespWorkload.command("PING"), 1, 1, RespVersion.RESP3, 0);
        assertThat(resp3.writeHandshake(sink)).isEqualTo(1);
        assertThat(written()).isEqualTo("*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n");
        RequestWriter resp2 = writer(RespWorkload.command("PING"), 1, 1, RespVersion.RESP2, 0);
        assertThat(resp2.writeHandshake(sink)).isZero();
        assertThat(sink.size()).isZero();
    }

    @Test
    void aLargeKeyspaceGetsLongerKeys() {
        RequestWriter w = writer(RespWorkload.command("GET __key__"), 10_000_000_000_000L, 1, RespVersion.RESP2, 0);
        w.writeRequest(sink);
        assertThat(written()).isEqualTo("*2\r\n$3\r\nGET\r\n$17\r\nkey:0000000000000\r\n");
    }
}
