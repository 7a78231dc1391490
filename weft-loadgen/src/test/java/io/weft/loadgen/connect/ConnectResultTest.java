package io.weft.loadgen.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.transport.CloseReason;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Adding up the results of several processes, and handing one from a child to its parent. */
class ConnectResultTest {

    private static ConnectResult result(long opened, long survived, Map<ConnectFailure, Long> failures,
                                        long openMillis, long... connectMicros) {
        Histogram h = ConnectResult.newHistogram();
        for (long us : connectMicros) {
            h.recordValue(us * 1_000);
        }
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        return new ConnectResult(opened + failures.getOrDefault(ConnectFailure.REFUSED, 0L)
                + failures.getOrDefault(ConnectFailure.OTHER, 0L), opened, survived, failures,
                openMillis * 1_000_000, h, opened - Math.min(failed, opened), 1);
    }

    @Test
    void mergeAddsCountsAndHistogramsAndTakesTheLongestOpening() {
        ConnectResult a = result(1000, 990, Map.of(ConnectFailure.RESET, 10L), 2000, 100, 200);
        ConnectResult b = result(500, 500, Map.of(ConnectFailure.REFUSED, 3L), 1000, 300);
        ConnectResult c = result(0, 0, Map.of(ConnectFailure.TIMEOUT, 7L, ConnectFailure.OTHER, 1L), 500);

        ConnectResult all = ConnectResult.merge(List.of(a, b, c));

        assertThat(all.opened()).isEqualTo(1500);
        assertThat(all.attempted()).isEqualTo(1504);
        assertThat(all.survived()).isEqualTo(1490);
        assertThat(all.failures(ConnectFailure.RESET)).isEqualTo(10);
        assertThat(all.failures(ConnectFailure.REFUSED)).isEqualTo(3);
        assertThat(all.failures(ConnectFailure.TIMEOUT)).isEqualTo(7);
        assertThat(all.failures(ConnectFailure.OTHER)).isEqualTo(1);
        assertThat(all.failed()).isEqualTo(21);
        assertThat(all.processes()).isEqualTo(3);
        assertThat(all.openNanos()).isEqualTo(2_000_000_000L);
        // The processes opened side by side: 1,500 connections in the 2 s the slowest took.
        assertThat(all.connectRate()).isEqualTo(750.0);
        assertThat(all.connectTime().getTotalCount()).isEqualTo(3);
        assertThat(all.connectTime().getMaxValue()).isBetween(299_000L, 301_000L);
        assertThat(all.peakOpen()).isEqualTo(a.peakOpen() + b.peakOpen());
    }

    @Test
    void aResultSurvivesTheTripFromChildToParent() throws IOException {
        ConnectResult sent = result(1234, 1200, Map.of(ConnectFailure.RESET, 34L, ConnectFailure.REFUSED, 2L),
                1500, 50, 60, 7000);
        StringWriter file = new StringWriter();
        sent.write(file);

        ConnectResult got = ConnectResult.read(new StringReader(file.toString()));

        assertThat(got.attempted()).isEqualTo(sent.attempted());
        assertThat(got.opened()).isEqualTo(1234);
        assertThat(got.survived()).isEqualTo(1200);
        assertThat(got.failures()).isEqualTo(sent.failures());
        assertThat(got.openNanos()).isEqualTo(sent.openNanos());
        assertThat(got.peakOpen()).isEqualTo(sent.peakOpen());
        assertThat(got.connectTime()).isEqualTo(sent.connectTime());
    }

    @Test
    void aTruncatedResultIsAnError() {
        assertThatThrownBy(() -> ConnectResult.read(new StringReader("opened=3\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a connect result");
    }

    @Test
    void failuresAreSortedByCause() {
        assertThat(ConnectFailure.ofConnect(new CompletionException(new ConnectException("Connection refused"))))
                .isEqualTo(ConnectFailure.REFUSED);
        assertThat(ConnectFailure.ofConnect(new ConnectException("Connection timed out")))
                .isEqualTo(ConnectFailure.TIMEOUT);
        assertThat(ConnectFailure.ofConnect(new TimeoutException())).isEqualTo(ConnectFailure.TIMEOUT);
        assertThat(ConnectFailure.ofConnect(new SocketException("Connection reset by peer")))
                .isEqualTo(ConnectFailure.RESET);
        assertThat(ConnectFailure.ofConnect(new java.net.BindException("Cannot assign requested address")))
                .isEqualTo(ConnectFailure.OTHER);
        assertThat(ConnectFailure.ofClose(CloseReason.PEER_CLOSED)).isEqualTo(ConnectFailure.RESET);
        assertThat(ConnectFailure.ofClose(CloseReason.IO_ERROR)).isEqualTo(ConnectFailure.RESET);
        assertThat(ConnectFailure.ofClose(CloseReason.PROTOCOL_ERROR)).isEqualTo(ConnectFailure.OTHER);
    }
}
