package io.weft.loadgen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final long START = 1_000_000_000L;

    @Test
    void spreadsTheRateEvenlyOverTheConnectionsInTurn() {
        Schedule s = new Schedule(START, 1_000, 4);
        // One request per millisecond overall; connection c sends the c-th of every four.
        assertThat(s.intendedTime(0, 0)).isEqualTo(START);
        assertThat(s.intendedTime(1, 0)).isEqualTo(START + 1_000_000);
        assertThat(s.intendedTime(3, 0)).isEqualTo(START + 3_000_000);
        assertThat(s.intendedTime(0, 1)).isEqualTo(START + 4_000_000);
        assertThat(s.intendedTime(2, 10)).isEqualTo(START + 42_000_000);
    }

    @Test
    void oneSecondHoldsExactlyTheRateInRequests() {
        Schedule s = new Schedule(START, 7_777, 3);
        List<Long> due = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (long k = 0; s.intendedTime(c, k) < START + 1_000_000_000L; k++) {
                due.add(s.intendedTime(c, k));
            }
        }
        assertThat(due).hasSize(7_777).doesNotHaveDuplicates();
        // Sorted, consecutive requests are one period (128,584.28 ns) apart, to the nanosecond.
        List<Long> sorted = due.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 1)).isBetween(128_584L, 128_585L);
        }
    }

    @Test
    void timesAreComputedNotAccumulatedSoLongRunsDoNotDrift() {
        Schedule s = new Schedule(START, 3, 1);
        // The millionth request at 3 req/s is due 333,333.33 s (four days) in, to the nanosecond.
        assertThat(s.intendedTime(0, 1_000_000L)).isEqualTo(START + 333_333_333_333_333L);
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new Schedule(START, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
