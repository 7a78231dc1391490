package io.weft.loadgen.connect;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What a connect run found, or several runs added up (one per process).
 *
 * @param attempted     connects started
 * @param opened        connects that succeeded
 * @param survived      connections that answered the last ping
 * @param failures      connections lost, by cause; each connection counts once at most
 * @param openNanos     from the first connect due to the last one finished (the longest, when merged)
 * @param connectTime   time to open, in nanoseconds, from when each connect was due
 * @param peakOpen      most connections open at once (the sum of each process's peak, when merged)
 * @param processes     how many processes ran it
 */
public record ConnectResult(long attempted, long opened, long survived, Map<ConnectFailure, Long> failures,
                            long openNanos, Histogram connectTime, long peakOpen, int processes) {

    /** Largest connect time recorded; slower ones are clamped to it. */
    static final long MAX_RECORDED_NANOS = TimeUnit.MINUTES.toNanos(10);

    public ConnectResult {
        EnumMap<ConnectFailure, Long> all = new EnumMap<>(ConnectFailure.class);
        for (ConnectFailure f : ConnectFailure.values()) {
            all.put(f, failures.getOrDefault(f, 0L));
        }
        failures = Map.copyOf(all);
        Objects.requireNonNull(connectTime, "connectTime");
    }

    static Histogram newHistogram() {
        return new Histogram(MAX_RECORDED_NANOS, 3);
    }

    /** Failures of all causes. */
    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    public long failures(ConnectFailure cause) {
        return failures.get(cause);
    }

    /** Connects per second achieved while opening. */
    public double connectRate() {
        return openNanos <= 0 ? 0 : opened * 1e9 / openNanos;
    }

    /**
     * Adds up the results of processes that ran side by side: counts and histograms add, the opening time
     * is the longest (they opened at the same time), so the rate is the total over it.
     */
    public static ConnectResult merge(List<ConnectResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Histogram time = newHistogram();
        EnumMap<ConnectFailure, Long> failures = new EnumMap<>(ConnectFailure.class);
        long attempted = 0;
        long opened = 0;
        long survived = 0;
        long openNanos = 0;
        long peak = 0;
        int processes = 0;
        for (ConnectResult r : parts) {
            attempted += r.attempted;
            opened += r.opened;
            survived += r.survived;
            openNanos = Math.max(openNanos, r.openNanos);
            peak += r.peakOpen;
            processes += r.processes;
            time.add(r.connectTime);
            r.failures.forEach((cause, n) -> failures.merge(cause, n, Long::sum));
        }
        return new ConnectResult(attempted, opened, survived, failures, openNanos, time, peak, processes);
    }

    /** Writes this result for {@link #read}: how a child process hands its result to its parent. */
    public void write(Writer out) throws IOException {
        Properties p = new Properties();
        p.setProperty("attempted", Long.toString(attempted));
        p.setProperty("opened", Long.toString(opened));
        p.setProperty("survived", Long.toString(survived));
        p.setProperty("openNanos", Long.toString(openNanos));
        p.setProperty("peakOpen", Long.toString(peakOpen));
        p.setProperty("processes", Integer.toString(processes));
        failures.forEach((cause, n) -> p.setProperty("failures." + cause.label(), Long.toString(n)));
        ByteBuffer buffer = ByteBuffer.allocate(connectTime.getNeededByteBufferCapacity());
        int length = connectTime.encodeIntoCompressedByteBuffer(buffer);
        p.setProperty("connectTime", Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOf(buffer.array(), length)));
        p.store(out, "weft bench connect result");
    }

    /** Reads a result {@link #write} wrote. */
    public static ConnectResult read(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        try {
            EnumMap<ConnectFailure, Long> failures = new EnumMap<>(ConnectFailure.class);
            for (ConnectFailure cause : ConnectFailure.values()) {
                failures.put(cause, Long.parseLong(p.getProperty("failures." + cause.label(), "0")));
            }
            Histogram time = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(required(p, "connectTime"))), MAX_RECORDED_NANOS);
            return new ConnectResult(number(p, "attempted"), number(p, "opened"), number(p, "survived"), failures,
                    number(p, "openNanos"), time, number(p, "peakOpen"), (int) number(p, "processes"));
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IOException("not a connect result: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException("not a connect result: no " + key);
        }
        return value;
    }

    private static long number(Properties p, String key) throws IOException {
        return Long.parseLong(required(p, key));
    }
}
