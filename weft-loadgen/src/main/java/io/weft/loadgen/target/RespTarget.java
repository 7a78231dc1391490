package io.weft.loadgen.target;

import io.weft.codec.Decoder;
import io.weft.codec.resp.RespLimits;
import io.weft.codec.resp.RespReplyDecoder;
import io.weft.codec.resp.RespValue;
import io.weft.codec.resp.RespVersion;
import io.weft.loadgen.spi.ReplyChecker;
import io.weft.loadgen.spi.RequestWriter;
import io.weft.loadgen.spi.Target;
import java.util.Locale;
import java.util.Objects;

/**
 * Redis protocol ({@code weft bench resp}): a workload of commands over keys drawn by a key pattern, every
 * reply checked for its type and, for GET, its value. Runs against Weft or any Redis-compatible server.
 */
public final class RespTarget implements Target<RespValue> {

    /** Where the template index starts in a token; the bits below hold the key number. */
    static final int KEY_BITS = 48;
    /** The key-number bits of a token, and so the largest keyspace. */
    static final long KEY_MASK = (1L << KEY_BITS) - 1;

    private final Options options;

    public RespTarget(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "resp";
    }

    @Override
    public String description() {
        String keys = options.workload().usesKeys()
                ? String.format(Locale.ROOT, ", keys %s over %d, %d-byte values",
                        options.keyPattern().id(), options.keyspace(), options.valueSize())
                : "";
        return "resp " + options.workload() + keys + ", " + options.version();
    }

    @Override
    public Decoder<RespValue> newDecoder() {
        return new RespReplyDecoder(RespLimits.DEFAULT);
    }

    @Override
    public RequestWriter newWriter(int index) {
        return new RespRequestWriter(options, index);
    }

    @Override
    public ReplyChecker<RespValue> newChecker(int index) {
        return new RespReplyChecker(options);
    }

    /**
     * What to send and how.
     *
     * @param workload   the commands and their mix
     * @param keyPattern how key numbers are drawn
     * @param keyspace   how many distinct keys, 1 to 2<sup>48</sup> - 1
     * @param valueSize  bytes per value, at least 1
     * @param version    RESP2, or RESP3 after {@code HELLO 3}
     */
    public record Options(RespWorkload workload, KeyPattern keyPattern, long keyspace, int valueSize,
            RespVersion version) {

        public Options {
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(keyPattern, "keyPattern");
            Objects.requireNonNull(version, "version");
            if (keyspace < 1 || keyspace > KEY_MASK) {
                throw new IllegalArgumentException("keyspace must be from 1 to " + KEY_MASK + ": " + keyspace);
            }
            if (valueSize < 1) {
                throw new IllegalArgumentException("value size must be at least 1 byte: " + valueSize);
            }
        }
    }
}
