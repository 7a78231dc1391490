package io.weft.loadgen.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.loadgen.connect.ConnectProgress.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How child processes' progress travels to the parent and is added up there. */
class ConnectProgressTest {

    @Test
    void aLineReadsBackAsTheSameProgress() {
        ConnectProgress p = new ConnectProgress(Phase.HOLDING, 1_500_000_000L, 10_000_000_000L, 20_000, 19_990, 19_985,
                15, 2500.5, 1_234_567);
        assertThat(ConnectProgress.parse(p.format())).isEqualTo(p);
        assertThat(ConnectProgress.parse(p.format() + "\n")).as("with its line end").isEqualTo(p);
    }

    @Test
    void otherLinesAreNotProgress() {
        assertThat(ConnectProgress.parse("opened 10 of 10 in 0.1 s")).isNull();
        assertThat(ConnectProgress.parse("progress SLEEPING 1 2 3 4 5 6 7.0 8")).isNull();
        assertThat(ConnectProgress.parse("progress HOLDING 1 2 3 4 5 6 x 8")).isNull();
        assertThat(ConnectProgress.parse("")).isNull();
    }

    @Test
    void processesAddUpInTheEarliestPhaseWithTheWorstP99() {
        ConnectProgress ahead = new ConnectProgress(Phase.HOLDING, 3_000, 9_000, 500, 500, 498, 2, 0, 700);
        ConnectProgress behind = new ConnectProgress(Phase.OPENING, 2_000, 5_000, 400, 390, 390, 1, 120.5, 900);
        ConnectProgress alsoBehind = new ConnectProgress(Phase.OPENING, 2_500, 4_000, 450, 440, 440, 0, 100, 300);

        ConnectProgress all = ConnectProgress.combine(List.of(ahead, behind, alsoBehind));

        assertThat(all).isEqualTo(new ConnectProgress(Phase.OPENING, 2_500, 5_000, 1350, 1330, 1328, 3, 220.5, 900));
        assertThatThrownBy(() -> ConnectProgress.combine(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
