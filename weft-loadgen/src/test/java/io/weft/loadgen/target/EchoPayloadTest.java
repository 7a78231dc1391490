package io.weft.loadgen.target;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EchoPayloadTest {

    private static String text(ByteBuffer b) {
        return US_ASCII.decode(b.duplicate()).toString();
    }

    @Test
    void startsWithTheSequenceNumberInHexThenLetters() {
        EchoPayload payload = new EchoPayload(24);
        assertThat(text(payload.of(0))).isEqualTo("0000000000000000qrstuvwx");
        assertThat(text(payload.of(0x2a))).isEqualTo("000000000000002aqrstuvwx");
        assertThat(text(payload.of(-1))).isEqualTo("ffffffffffffffffqrstuvwx");
    }

    @Test
    void aShortMessageCarriesTheLowDigitsOfTheNumber() {
        EchoPayload payload = new EchoPayload(3);
        assertThat(text(payload.of(0x1234))).isEqualTo("234");
        assertThat(text(payload.of(5))).isEqualTo("005");
    }

    @Test
    void everyRequestOfARunHasDifferentBytesAndTheFullSize() {
        EchoPayload payload = new EchoPayload(100);
        Set<String> seen = new HashSet<>();
        for (long n = 0; n < 10_000; n++) {
            ByteBuffer b = payload.of(n);
            assertThat(b.position()).isZero();
            assertThat(b.remaining()).isEqualTo(100);
            seen.add(text(b));
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void theBufferIsResetEvenIfTheCallerMovedIt() {
        EchoPayload payload = new EchoPayload(20);
        payload.of(1).position(7).limit(9);
        assertThat(text(payload.of(2))).isEqualTo("0000000000000002qrst");
    }
}
