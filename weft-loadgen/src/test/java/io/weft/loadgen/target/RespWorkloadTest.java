package io.weft.loadgen.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RespWorkloadTest {

    private static long count(int[] cycle, int template) {
        return Arrays.stream(cycle).filter(t -> t == template).count();
    }

    @Test
    void aRatioSendsEachCommandExactlyAsOftenAsItsWeight() {
        RespWorkload w = RespWorkload.ratio("set:get:incr=3:5:2");
        assertThat(w.templates()).extracting(RespTemplate::name).containsExactly("SET", "GET", "INCR");
        assertThat(w.cycle()).hasSize(10);
        assertThat(count(w.cycle(), 0)).isEqualTo(3);
        assertThat(count(w.cycle(), 1)).isEqualTo(5);
        assertThat(count(w.cycle(), 2)).isEqualTo(2);
    }

    @Test
    void theMixIsSpreadEvenlyOverTheCycle() {
        assertThat(RespWorkload.ratio("set:get=1:1").cycle()).containsExactly(0, 1);
        assertThat(RespWorkload.ratio("set:get=1:3").cycle()).containsExactly(1, 0, 1, 1);
        // 3:97: the three SETs come a third of the cycle apart, not in a burst.
        int[] cycle = RespWorkload.ratio("set:get=3:97").cycle();
        int[] sets = IntStream.range(0, cycle.length).filter(i -> cycle[i] == 0).toArray();
        assertThat(sets).hasSize(3);
        for (int i = 0; i < sets.length; i++) {
            int gap = Math.floorMod(sets[(i + 1) % sets.length] - sets[i], cycle.length);
            assertThat(gap).as("gap after SET %d", i).isBetween(33, 34);
        }
    }

    @Test
    void namesAndWeightsAreReadLeniently() {
        RespWorkload w = RespWorkload.ratio(" SET : Get = 2 : 7 ");
        assertThat(w.toString()).isEqualTo("SET:GET=2 : 7");
        assertThat(count(w.cycle(), 1)).isEqualTo(7);
        assertThat(RespWorkload.ratio("set:get=1:10").toString()).isEqualTo("SET:GET=1:10");
    }

    @Test
    void malformedRatiosAreRejectedWithAUsefulMessage() {
        assertThatThrownBy(() -> RespWorkload.ratio("set:get")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected NAME:NAME=WEIGHT:WEIGHT");
        assertThatThrownBy(() -> RespWorkload.ratio("set:get=1=2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected NAME:NAME=WEIGHT:WEIGHT");
        assertThatThrownBy(() -> RespWorkload.ratio("set:get=1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 commands but 1 weights");
        assertThatThrownBy(() -> RespWorkload.ratio("set:zadd=1:1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown command 'zadd'").hasMessageContaining("set, get, del");
    }

    @Test
    void weightsMustBeWholeNumbersWithinTheLimit() {
        for (String bad : new String[] {"0", "-1", "x", "1.5", "", "10001"}) {
            assertThatThrownBy(() -> RespWorkload.ratio("set:get=1:" + bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be a whole number from 1 to 10000");
        }
        assertThatThrownBy(() -> RespWorkload.ratio("set:get=5000:5001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights add up to 10001; at most 10000");
        assertThat(RespWorkload.ratio("set:get=5000:5000").cycle()).hasSize(10_000);
    }

    @Test
    void aCommandTemplateIsSentEveryTime() {
        RespWorkload w = RespWorkload.command("  INCRBY __key__  5 ");
        assertThat(w.toString()).isEqualTo("\"INCRBY __key__ 5\"");
        assertThat(w.cycle()).containsExactly(0);
        assertThat(w.templates()).hasSize(1);
        assertThat(w.templates().getFirst().expectation()).isEqualTo(RespExpectation.ANY);
    }

    @Test
    void usesKeysOnlyWhenSomeCommandSendsAKey() {
        assertThat(RespWorkload.ratio("ping:set=1:1").usesKeys()).isTrue();
        assertThat(RespWorkload.ratio("ping=1").usesKeys()).isFalse();
        assertThat(RespWorkload.command("PING").usesKeys()).isFalse();
    }

    @Test
    void aGetInTheMixChecksTheValueSetWrote() {
        assertThat(RespWorkload.ratio("set:get=1:1").templates().get(1).expectation())
                .isEqualTo(RespExpectation.VALUE_OR_NIL);
    }
}
