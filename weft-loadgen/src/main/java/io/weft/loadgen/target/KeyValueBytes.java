package io.weft.loadgen.target;

/**
 * The bytes of key number {@code id} and of the value stored under it, written in place into reusable
 * arrays. A value depends only on its key's number and the value size, so a GET can check that it reads
 * exactly what a SET of the same key wrote, with nothing remembered between the two.
 *
 * <pre>
 *   key 42, prefix "key:"          value of key 42, 12 bytes
 *   +------+--------------+        +----+---+-----------+
 *   | key: | 000000000042 |        | 42 | : | tuvwxyzab |
 *   +------+--------------+        +----+---+-----------+
 *           zero-padded to           id  ':'  letter 'a' + (id + i) % 26 at offset i
 *           {@link #digitsFor} digits
 * </pre>
 */
final class KeyValueBytes {

    /** Keys are at least this many digits long, like redis-benchmark's {@code key:000000000042}. */
    private static final int MIN_DIGITS = 12;

    private KeyValueBytes() {
    }

    /** How many digits every key of the keyspace is padded to: all keys of a run have one length. */
    static int digitsFor(long keyspace) {
        return Math.max(MIN_DIGITS, Long.toString(Math.max(0, keyspace - 1)).length());
    }

    /**
     * Writes {@code prefix} and then {@code id} zero-padded to {@code digits} digits into {@code out}.
     *
     * @return the key's length
     */
    static int key(byte[] out, byte[] prefix, long id, int digits) {
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        long v = id;
        for (int i = prefix.length + digits - 1; i >= prefix.length; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return prefix.length + digits;
    }

    /**
     * Fills all of {@code out} with the value of key {@code id}. A value too short for the whole number keeps
     * its leading digits.
     */
    static void value(byte[] out, long id) {
        int digits = 1;
        for (long v = id; v >= 10; v /= 10) {
            digits++;
        }
        long v = id;
        for (int i = digits - 1; i >= 0; i--, v /= 10) {
            if (i < out.length) {
                out[i] = (byte) ('0' + v % 10);
            }
        }
        int i = digits;
        if (i < out.length) {
            out[i++] = ':';
        }
        int letter = (int) (id % 26);
        for (; i < out.length; i++) {
            out[i] = (byte) ('a' + (letter + i) % 26);
        }
    }
}
