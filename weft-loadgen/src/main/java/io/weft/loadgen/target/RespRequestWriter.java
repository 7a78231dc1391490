package io.weft.loadgen.target;

import io.weft.codec.ByteSink;
import io.weft.codec.resp.RespVersion;
import io.weft.codec.resp.RespWriter;
import io.weft.loadgen.spi.RequestWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Writes one connection's RESP requests: the workload's cycle of templates in turn, each with the next key
 * of the key pattern and that key's value. Key and value are rebuilt in place in two arrays, so a request
 * allocates nothing.
 *
 * <p>The token carries what the checker needs to know the right reply:
 * <pre>
 *   63        48 47                                0
 *   +-----------+----------------------------------+
 *   | template  | key number (0 if the template    |
 *   | index     | has no __key__)                  |
 *   +-----------+----------------------------------+
 * </pre>
 */
final class RespRequestWriter implements RequestWriter {

    private static final byte[] HELLO = "HELLO".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] THREE = "3".getBytes(StandardCharsets.US_ASCII);

    private final List<RespTemplate> templates;
    private final int[] cycle;
    private final LongSupplier keys;
    private final boolean resp3;
    private final int digits;
    private final byte[] key;
    private final byte[] value;
    /** The next position in {@link #cycle}. */
    private int slot;

    RespRequestWriter(RespTarget.Options options, int index) {
        this.templates = options.workload().templates();
        this.cycle = options.workload().cycle();
        this.keys = options.keyPattern().keys(index, options.keyspace());
        this.resp3 = options.version() == RespVersion.RESP3;
        this.digits = KeyValueBytes.digitsFor(options.keyspace());
        int longestPrefix = templates.stream().mapToInt(t -> t.keyPrefix().length).max().orElse(0);
        this.key = new byte[longestPrefix + digits];
        this.value = new byte[options.valueSize()];
        // Connections start at different points of the cycle, so that together they send the mix at any
        // moment rather than all SETs first.
        this.slot = Math.floorMod(index, cycle.length);
    }

    /** {@code HELLO 3} for RESP3, nothing for RESP2 (every connection starts in RESP2). */
    @Override
    public int writeHandshake(ByteSink out) {
        if (!resp3) {
            return 0;
        }
        RespWriter.command(out, HELLO, THREE);
        return 1;
    }

    @Override
    public long writeRequest(ByteSink out) {
        int t = cycle[slot];
        slot = slot + 1 == cycle.length ? 0 : slot + 1;
        RespTemplate template = templates.get(t);
        long id = template.usesKey() ? keys.getAsLong() : 0;
        int keyLength = KeyValueBytes.key(key, template.keyPrefix(), id, digits);
        KeyValueBytes.value(value, id);
        template.write(out, key, keyLength, value);
        return (long) t << RespTarget.KEY_BITS | id;
    }
}
