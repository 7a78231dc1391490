package io.weft.loadgen.target;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/** How a RESP run draws key numbers from its keyspace {@code [0, keyspace)} ({@code --key-pattern}). */
public enum KeyPattern {
    /** Each connection walks the keyspace in order, wrapping around. */
    SEQUENTIAL,
    /** Every key equally likely. */
    UNIFORM,
    /** Keys near the middle of the keyspace are hot: a normal distribution, six deviations wide. */
    GAUSSIAN;

    /** (√5 - 1) / 2: multiples of it modulo 1 are spread evenly over [0, 1) for any number of them. */
    private static final double GOLDEN_FRACTION = 0.6180339887498949;
    /** Fixed so that two runs with the same options send the same keys. */
    private static final long SEED = 753331L;

    /**
     * The pattern called {@code name}: "sequential", "uniform" or "gaussian", in any case.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static KeyPattern parse(String name) {
        for (KeyPattern p : values()) {
            if (p.name().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown key pattern '" + name + "'; expected sequential, uniform or gaussian");
    }

    /** The lower-case name used on the command line and in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The key numbers connection {@code index} sends, each in {@code [0, keyspace)}. Every connection has
     * its own sequence, so the supplier needs no synchronisation; sequential connections start at
     * golden-ratio-spaced points so that they do not all write the same keys in lockstep.
     */
    LongSupplier keys(int index, long keyspace) {
        SplittableRandom random = new SplittableRandom(SEED + index);
        return switch (this) {
            case SEQUENTIAL -> new Sequential((long) (index * GOLDEN_FRACTION % 1.0 * keyspace), keyspace);
            case UNIFORM -> () -> random.nextLong(keyspace);
            case GAUSSIAN -> () -> gaussian(random, keyspace);
        };
    }

    /** A normal draw around the middle of the keyspace; draws that fall outside it are drawn again. */
    private static long gaussian(SplittableRandom random, long keyspace) {
        double mean = (keyspace - 1) / 2.0;
        double deviation = keyspace / 6.0;
        long key;
        do {
            key = Math.round(mean + random.nextGaussian() * deviation);
        } while (key < 0 || key >= keyspace);
        return key;
    }

    /** {@code first, first + 1, ..., keyspace - 1, 0, 1, ...}. */
    private static final class Sequential implements LongSupplier {

        private final long keyspace;
        private long next;

        Sequential(long first, long keyspace) {
            this.next = first;
            this.keyspace = keyspace;
        }

        @Override
        public long getAsLong() {
            long key = next;
            next = key + 1 == keyspace ? 0 : key + 1;
            return key;
        }
    }
}
