package io.weft.loadgen.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pass/fail limits for a connect run, so a connection-storm test can gate a build. Each limit is optional
 * (null: not checked).
 *
 * @param maxFailures    connections that failed, of all causes, must not exceed this
 * @param maxConnectP99  the 99th percentile time to open a connection must not exceed this
 */
public record ConnectThresholds(Long maxFailures, Duration maxConnectP99) {

    /** One sentence per limit the result breaks; empty when it passes. */
    public List<String> violations(ConnectResult result) {
        List<String> broken = new ArrayList<>();
        if (maxFailures != null && result.failed() > maxFailures) {
            broken.add(String.format(Locale.ROOT, "%d connections failed, more than the limit of %d",
                    result.failed(), maxFailures));
        }
        if (maxConnectP99 != null) {
            long p99 = result.connectTime().getValueAtPercentile(99);
            if (result.connectTime().getTotalCount() == 0) {
                broken.add("no connection opened, so there is no connect time p99 to check");
            } else if (p99 > maxConnectP99.toNanos()) {
                broken.add(String.format(Locale.ROOT, "connect time p99 %.3f ms is above the limit of %.3f ms",
                        p99 / 1e6, maxConnectP99.toNanos() / 1e6));
            }
        }
        return broken;
    }
}
