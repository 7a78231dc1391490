package io.weft.loadgen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightTest {

    @Test
    void keepsRequestsOldestFirstAcrossWrapAround() {
        InFlight ring = new InFlight(3);
        assertThat(ring.capacity()).isEqualTo(4);
        for (int round = 0; round < 10; round++) {
            ring.add(round * 10L, round * 100L, round * 1000L);
            ring.add(round * 10L + 1, round * 100L + 1, round * 1000L + 1);
            assertThat(ring.outstanding()).isEqualTo(2);
            assertThat(ring.oldestSentAt()).isEqualTo(round * 1000L);
            assertThat(ring.headToken()).isEqualTo(round * 10L);
            assertThat(ring.headIntended()).isEqualTo(round * 100L);
            ring.removeHead();
            assertThat(ring.headToken()).isEqualTo(round * 10L + 1);
            ring.removeHead();
            assertThat(ring.oldestSentAt()).isEqualTo(InFlight.NONE);
        }
    }

    @Test
    void afterACloseTheLostRequestsCanBeListedThenForgotten() {
        InFlight ring = new InFlight(4);
        ring.add(1, 10, 10);
        ring.add(2, 20, 20);
        ring.add(3, 30, 30);
        ring.removeHead();
        long sum = 0;
        for (long seq = ring.firstOutstanding(); seq < ring.endOutstanding(); seq++) {
            sum += ring.tokenAt(seq) * 1000 + ring.intendedAt(seq);
        }
        assertThat(sum).isEqualTo(2020 + 3030);
        ring.reset();
        assertThat(ring.outstanding()).isZero();
    }
}
