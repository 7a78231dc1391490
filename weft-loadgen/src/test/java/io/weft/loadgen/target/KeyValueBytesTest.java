package io.weft.loadgen.target;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyValueBytesTest {

    private static String value(int size, long id) {
        byte[] out = new byte[size];
        KeyValueBytes.value(out, id);
        return new String(out, US_ASCII);
    }

    @Test
    void keysArePrefixedAndZeroPaddedToOneLength() {
        byte[] out = new byte[32];
        int n = KeyValueBytes.key(out, "key:".getBytes(US_ASCII), 42, KeyValueBytes.digitsFor(100_000));
        assertThat(new String(out, 0, n, US_ASCII)).isEqualTo("key:000000000042");
        n = KeyValueBytes.key(out, "list:".getBytes(US_ASCII), 1_234_567_890_123L,
                KeyValueBytes.digitsFor(10_000_000_000_000L));
        assertThat(new String(out, 0, n, US_ASCII)).isEqualTo("list:1234567890123");
    }

    @Test
    void keysHaveAtLeastTwelveDigitsAndEnoughForTheLargestKey() {
        assertThat(KeyValueBytes.digitsFor(1)).isEqualTo(12);
        assertThat(KeyValueBytes.digitsFor(1_000_000_000_000L)).isEqualTo(12);
        assertThat(KeyValueBytes.digitsFor(1_000_000_000_001L)).isEqualTo(13);
    }

    @Test
    void aValueIsItsKeysNumberThenLetters() {
        assertThat(value(12, 42)).isEqualTo("42:tuvwxyzab");
        assertThat(value(8, 0)).isEqualTo("0:cdefgh");
    }

    @Test
    void differentKeysHaveDifferentValuesOfTheSameSize() {
        assertThat(value(16, 7)).isNotEqualTo(value(16, 8)).hasSize(16);
        assertThat(value(16, 7)).isEqualTo(value(16, 7));
    }

    @Test
    void aShortValueKeepsTheLeadingDigits() {
        assertThat(value(3, 123_456)).isEqualTo("123");
        assertThat(value(6, 123_456)).isEqualTo("123456");
        assertThat(value(7, 123_456)).isEqualTo("123456:");
        assertThat(value(1, 9)).isEqualTo("9");
    }
}
