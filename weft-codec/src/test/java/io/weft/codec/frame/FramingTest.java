package io.weft.codec.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.Codec;
import io.weft.codec.Decoder;
import io.weft.codec.ProtocolException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FramingTest {

    @Test
    void parsesNamesInAnyCase() {
        assertThat(Framing.parse("raw")).isEqualTo(Framing.RAW);
        assertThat(Framing.parse("LINE")).isEqualTo(Framing.LINE);
        assertThat(Framing.parse("Length")).isEqualTo(Framing.LENGTH);
    }

    @Test
    void rejectsUnknownNamesListingTheValidOnes() {
        assertThatThrownBy(() -> Framing.parse("lines"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lines'")
                .hasMessageContaining("raw, line or length");
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void idParsesBackToTheSameFraming(Framing framing) {
        assertThat(Framing.parse(framing.id())).isEqualTo(framing);
        assertThat(framing.id()).isLowerCase();
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void codecRoundTripsAMessageWithAFreshDecoderPerConnection(Framing framing) throws ProtocolException {
        Codec<ByteBuffer, ByteBuffer> codec = framing.codec(FrameLimits.DEFAULT);
        ByteBufferSink sink = new ByteBufferSink(16);
        codec.encoder().encode(ByteBuffer.wrap("hello".getBytes()), sink);

        Decoder<ByteBuffer> decoder = codec.newDecoder();
        ByteBuffer message = decoder.decode(sink.written());

        assertThat(EngineFeed.copy(message)).isEqualTo("hello".getBytes());
        assertThat(codec.newDecoder()).isNotSameAs(decoder);
    }

    @Test
    void codecsPassTheirLimitsToTheirDecoders() {
        FrameLimits limits = new FrameLimits(4);
        ByteBuffer longLine = ByteBuffer.wrap("hello\n".getBytes());
        ByteBuffer longFrame = ByteBuffer.wrap(new byte[] {0, 0, 0, 5});

        assertThatThrownBy(() -> Framing.LINE.codec(limits).newDecoder().decode(longLine))
                .isInstanceOf(FrameTooLongException.class);
        assertThatThrownBy(() -> Framing.LENGTH.codec(limits).newDecoder().decode(longFrame))
                .isInstanceOf(FrameTooLongException.class);
    }

    @Test
    void limitsMustBePositiveAndDefaultTo16MiB() {
        assertThat(FrameLimits.DEFAULT.maxFrameLength()).isEqualTo(16 * 1024 * 1024);
        assertThat(new FrameLimits(1).maxFrameLength()).isEqualTo(1);
        assertThatThrownBy(() -> new FrameLimits(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameLimits(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
