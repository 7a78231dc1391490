package io.weft.loadgen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.Interval;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    private static final long START = 10_000_000_000L;
    private static final long WARMUP_END = START + 1_000_000_000L;
    private static final long MS = 1_000_000;

    @Test
    void requestsDueInTheWarmUpAreNeverMeasuredEvenIfTheyFinishAfterIt() {
        Measurements m = new Measurements(WARMUP_END, START);
        m.success(START + 5 * MS, START + 6 * MS);                // warm-up, answered in warm-up
        m.success(WARMUP_END - 1, WARMUP_END + 400 * MS);          // warm-up, answered late
        m.error(ErrorKind.TIMEOUT, WARMUP_END - 1);                 // warm-up error
        m.event(ErrorKind.CLOSED, WARMUP_END - 1);                  // connection lost in warm-up
        m.success(WARMUP_END, WARMUP_END + 2 * MS);                 // the first measured request
        m.success(WARMUP_END + 10 * MS, WARMUP_END + 13 * MS);
        m.error(ErrorKind.MISMATCH, WARMUP_END + 20 * MS);
        m.event(ErrorKind.CONNECT, START);                          // refused connections always count

        assertThat(m.sample(WARMUP_END - 500 * MS)).as("an interval in the warm-up").isNull();
        assertThat(m.sample(WARMUP_END)).as("the interval ending with the warm-up").isNull();
        // What was recorded before that sample belongs to the first measured interval.
        Interval first = m.sample(WARMUP_END + 1_000 * MS);
        assertThat(first.requests()).isEqualTo(2);
        assertThat(first.errors()).isEqualTo(2);
        assertThat(first.seconds()).isEqualTo(1.0);
        assertThat(first.endSeconds()).isEqualTo(1.0);
        assertThat(m.total().getTotalCount()).isEqualTo(2);
        assertThat(m.total().getMaxValue()).isBetween(3 * MS - 5_000, 3 * MS + 5_000);
        assertThat(m.errors()).containsEntry(ErrorKind.MISMATCH, 1L).containsEntry(ErrorKind.CONNECT, 1L)
                .containsEntry(ErrorKind.TIMEOUT, 0L).containsEntry(ErrorKind.CLOSED, 0L);
        assertThat(m.errorCount()).isEqualTo(2);
    }

    @Test
    void theTimelineHasOneEntryPerIntervalAndMergesAShortLastOne() {
        Measurements m = new Measurements(START, START);
        for (int s = 0; s < 3; s++) {
            long t = START + s * 1_000 * MS;
            m.success(t, t + (s + 1) * MS);
            m.sample(t + 1_000 * MS);
        }
        m.success(START + 2_999 * MS, START + 3_001 * MS);
        // The senders notice they are done a little after the last reply: the timeline ends at the reply.
        Interval last = m.finish(START + 3_009 * MS, 500 * MS);
        assertThat(m.timeline()).hasSize(3);
        assertThat(last.requests()).isEqualTo(2);
        assertThat(last.seconds()).isEqualTo(1.001);
        assertThat(last.endSeconds()).isEqualTo(3.001);
        assertThat(m.timeline().get(1).p99Nanos()).isBetween(2 * MS - 5_000, 2 * MS + 5_000);
        assertThat(m.total().getTotalCount()).isEqualTo(4);
    }

    @Test
    void latenciesBeyondAnHourAreClampedNotLost() {
        Measurements m = new Measurements(START, START);
        m.success(START, START + Measurements.HIGHEST_TRACKABLE * 2);
        m.sample(START + 1);
        assertThat(m.total().getTotalCount()).isEqualTo(1);
    }
}
