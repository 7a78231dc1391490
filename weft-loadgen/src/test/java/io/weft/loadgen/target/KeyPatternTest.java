package io.weft.loadgen.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyPatternTest {

    @Test
    void parsesTheNamesUsersType() {
        assertThat(KeyPattern.parse("sequential")).isEqualTo(KeyPattern.SEQUENTIAL);
        assertThat(KeyPattern.parse(" Uniform ")).isEqualTo(KeyPattern.UNIFORM);
        assertThat(KeyPattern.parse("GAUSSIAN")).isEqualTo(KeyPattern.GAUSSIAN);
        assertThat(KeyPattern.GAUSSIAN.id()).isEqualTo("gaussian");
        assertThatThrownBy(() -> KeyPattern.parse("zipf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown key pattern 'zipf'; expected sequential, uniform or gaussian");
    }

    @Test
    void sequentialWalksTheKeyspaceInOrderAndWraps() {
        LongSupplier keys = KeyPattern.SEQUENTIAL.keys(0, 4);
        long[] drawn = new long[9];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = keys.getAsLong();
        }
        assertThat(drawn).containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 0);
    }

    @Test
    void sequentialConnectionsStartAtDifferentKeys() {
        // Golden-ratio spacing: connection 1 starts 61.8% of the way in, connection 2 at 23.6%.
        assertThat(KeyPattern.SEQUENTIAL.keys(1, 1_000).getAsLong()).isEqualTo(618);
        assertThat(KeyPattern.SEQUENTIAL.keys(2, 1_000).getAsLong()).isEqualTo(236);
        LongSupplier fromEnd = KeyPattern.SEQUENTIAL.keys(1, 2);
        assertThat(new long[] {fromEnd.getAsLong(), fromEnd.getAsLong(), fromEnd.getAsLong()}).containsExactly(1, 0, 1);
    }

    @ParameterizedTest
    @EnumSource(KeyPattern.class)
    void everyKeyIsInsideTheKeyspace(KeyPattern pattern) {
        for (long keyspace : new long[] {1, 2, 7, 1_000, RespTarget.KEY_MASK}) {
            for (int connection = 0; connection < 4; connection++) {
                LongSupplier keys = pattern.keys(connection, keyspace);
                for (int i = 0; i < 20_000; i++) {
                    assertThat(keys.getAsLong()).as("%s over %d", pattern, keyspace).isBetween(0L, keyspace - 1);
                }
            }
        }
    }

    @Test
    void uniformReachesEveryKey() {
        LongSupplier keys = KeyPattern.UNIFORM.keys(0, 50);
        int[] hits = new int[50];
        for (int i = 0; i < 50_000; i++) {
            hits[(int) keys.getAsLong()]++;
        }
        for (int h : hits) {
            assertThat(h).isBetween(800, 1_200);
        }
    }

    @Test
    void gaussianKeysCrowdTheMiddleOfTheKeyspace() {
        LongSupplier keys = KeyPattern.GAUSSIAN.keys(0, 600);
        int middleThird = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            long k = keys.getAsLong();
            if (k >= 200 && k < 400) {
                middleThird++;
            }
        }
        // One standard deviation either side of the mean: about 68%, where uniform keys would give 33%.
        assertThat(middleThird / (double) n).isBetween(0.64, 0.72);
    }

    @Test
    void theSameConnectionDrawsTheSameKeysOnEveryRun() {
        for (KeyPattern pattern : KeyPattern.values()) {
            LongSupplier a = pattern.keys(3, 1_000_000);
            LongSupplier b = pattern.keys(3, 1_000_000);
            LongSupplier other = pattern.keys(4, 1_000_000);
            long[] first = new long[5];
            long[] second = new long[5];
            long[] third = new long[5];
            for (int i = 0; i < 5; i++) {
                first[i] = a.getAsLong();
                second[i] = b.getAsLong();
                third[i] = other.getAsLong();
            }
            assertThat(second).as(pattern.id()).containsExactly(first);
            assertThat(third).as(pattern.id()).isNotEqualTo(first);
        }
    }
}
