package io.weft.loadgen.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.frame.Framing;
import io.weft.codec.resp.RespVersion;
import org.junit.jupiter.api.Test;

/** The lines reports show, and the options users are told off for. */
class RespTargetTest {

    @Test
    void describesWhatIsSent() {
        RespTarget keyed = new RespTarget(new RespTarget.Options(RespWorkload.ratio("set:get=1:10"),
                KeyPattern.UNIFORM, 100_000, 64, RespVersion.RESP2));
        assertThat(keyed.name()).isEqualTo("resp");
        assertThat(keyed.description())
                .isEqualTo("resp SET:GET=1:10, keys uniform over 100000, 64-byte values, RESP2");
        RespTarget ping = new RespTarget(new RespTarget.Options(RespWorkload.command("PING"),
                KeyPattern.UNIFORM, 100_000, 64, RespVersion.RESP3));
        assertThat(ping.description()).isEqualTo("resp \"PING\", RESP3");
        assertThat(new EchoTarget(Framing.LENGTH, 128).description())
                .isEqualTo("echo, length framing, 128-byte messages");
    }

    @Test
    void rejectsAKeyspaceOrSizeOutOfRange() {
        RespWorkload w = RespWorkload.command("PING");
        assertThatThrownBy(() -> new RespTarget.Options(w, KeyPattern.UNIFORM, 0, 64, RespVersion.RESP2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyspace must be from 1 to 281474976710655: 0");
        assertThatThrownBy(() -> new RespTarget.Options(w, KeyPattern.UNIFORM, 1L << 48, 64, RespVersion.RESP2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RespTarget.Options(w, KeyPattern.UNIFORM, (1L << 48) - 1, 64, RespVersion.RESP2).keyspace())
                .isEqualTo((1L << 48) - 1);
        assertThatThrownBy(() -> new RespTarget.Options(w, KeyPattern.UNIFORM, 10, 0, RespVersion.RESP2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value size must be at least 1 byte: 0");
        assertThatThrownBy(() -> new EchoTarget(Framing.RAW, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message size must be at least 1 byte: 0");
    }
}
