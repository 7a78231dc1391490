package io.weft.codec.resp;

import io.weft.codec.ByteSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One command's arguments, as a flyweight over the bytes they arrived in. Its {@link RespRequestDecoder}
 * returns the same instance for every request, so decoding allocates nothing once the offset arrays have
 * grown to the widest command seen.
 *
 * <p>Multibulk arguments are read straight from the decoder's input buffer; inline arguments, which may
 * contain quotes and escapes, are unescaped into a scratch array the request owns. Either way the
 * arguments are binary-safe and valid only until the next call to {@code decode} or until the caller
 * changes the input buffer; keep them longer with {@link #argBytes} or {@link #argString}.
 *
 * <p>Argument indices run from 0 (the command name) to {@code argc() - 1}; an index outside that range
 * throws {@link IndexOutOfBoundsException}.
 */
public final class RespRequest {

    private static final int INITIAL_ARGS = 8;
    private static final int HASH_SEED = 0x9E3779B9;

    /** Where the arguments' bytes are: the decoder's input, or {@link #inlineView}. */
    private ByteBuffer source;
    /** Absolute index in {@link #source} that {@link #offsets} are relative to. */
    private int base;
    private int argc;
    private int[] offsets = new int[INITIAL_ARGS];
    private int[] lengths = new int[INITIAL_ARGS];
    /**
     * {@link #argHash} results for the first arguments (up to 64, growing with {@link #offsets}); bit i of
     * {@link #hashed} says hashes[i] is set.
     */
    private int[] hashes = new int[INITIAL_ARGS];
    private long hashed;
    private boolean inline;
    /** Scratch for inline arguments, made on the first inline request: most clients never send one. */
    private byte[] inlineBytes = new byte[0];
    private int inlineSize;
    private ByteBuffer inlineView;
    /** A duplicate of a direct {@link #source}, so {@link #writeArg} can hand a sink a range of it. */
    private ByteBuffer writeView;
    /** The buffer {@link #writeView} duplicates; a new source object drops the view. */
    private ByteBuffer writeViewSource;

    RespRequest() {
    }

    /** Number of arguments, the command name included; at least 1. */
    public int argc() {
        return argc;
    }

    /** Whether the request came as an inline line (telnet style) rather than a multibulk. */
    public boolean isInline() {
        return inline;
    }

    public int argLength(int i) {
        return lengths[checkIndex(i)];
    }

    /** Byte {@code index} of argument {@code i}. */
    public byte argByte(int i, int index) {
        return source.get(base + offsets[checkIndex(i)] + Objects.checkIndex(index, lengths[i]));
    }

    /** A copy of argument {@code i}. */
    public byte[] argBytes(int i) {
        byte[] copy = new byte[argLength(i)];
        source.get(base + offsets[i], copy);
        return copy;
    }

    /** Argument {@code i} decoded as UTF-8 (malformed input replaced), a copy. */
    public String argString(int i) {
        return new String(argBytes(i), StandardCharsets.UTF_8);
    }

    /**
     * A 32-bit hash of argument {@code i}'s bytes, equal to {@link #hash(byte[], int, int)} of a copy of them,
     * so a key can be looked up in a table of stored keys without copying it out of the request first.
     */
    public int argHash(int i) {
        int length = argLength(i);
        // A server hashes a key once to pick its lock and again to find it; remember the first 64.
        boolean memo = i < hashes.length;
        if (memo && (hashed & (1L << i)) != 0) {
            return hashes[i];
        }
        int from = base + offsets[i];
        int h = HASH_SEED ^ length;
        for (int k = 0; k < length; k++) {
            h = 31 * h + source.get(from + k);
        }
        h = mix(h);
        if (memo) {
            hashes[i] = h;
            hashed |= 1L << i;
        }
        return h;
    }

    /** The hash {@link #argHash} gives for the same bytes. Well mixed in all bits, high ones included. */
    public static int hash(byte[] bytes, int offset, int length) {
        int h = HASH_SEED ^ length;
        for (int k = 0; k < length; k++) {
            h = 31 * h + bytes[offset + k];
        }
        return mix(h);
    }

    public static int hash(byte[] bytes) {
        return hash(bytes, 0, bytes.length);
    }

    /** MurmurHash3's 32-bit finalizer: a polynomial hash alone leaves the high bits weak. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** Whether argument {@code i} is exactly {@code bytes}. */
    public boolean argEquals(int i, byte[] bytes) {
        int length = argLength(i);
        if (length != bytes.length) {
            return false;
        }
        int from = base + offsets[i];
        for (int k = 0; k < length; k++) {
            if (source.get(from + k) != bytes[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether argument {@code i} equals {@code ascii} ignoring ASCII case, as Redis matches command names and
     * keywords ({@code strcasecmp}). {@code ascii} may be in either case; bytes outside A-Z/a-z must match
     * exactly.
     */
    public boolean argEqualsIgnoreCase(int i, byte[] ascii) {
        int length = argLength(i);
        if (length != ascii.length) {
            return false;
        }
        int from = base + offsets[i];
        for (int k = 0; k < length; k++) {
            if (Ascii.toLower(source.get(from + k)) != Ascii.toLower(ascii[k])) {
                return false;
            }
        }
        return true;
    }

    /** Appends argument {@code i}'s raw bytes to {@code sink}. */
    public void writeArg(int i, ByteSink sink) {
        int length = argLength(i);
        int from = base + offsets[i];
        if (source.hasArray()) {
            sink.writeBytes(source.array(), source.arrayOffset() + from, length);
            return;
        }
        if (writeView == null) {
            writeView = source.duplicate();
        }
        sink.writeBytes(writeView.limit(from + length).position(from));
    }

    /** Whether argument {@code i} is an integer by Redis's {@code string2ll} rules (see {@link RespNumbers}). */
    public boolean argIsLong(int i) {
        return RespNumbers.isLong(source, base + offsets[checkIndex(i)], lengths[i]);
    }

    /**
     * Argument {@code i} as a signed 64-bit integer by Redis's {@code string2ll} rules: an optional
     * {@code '-'}, no {@code '+'}, no leading zeros, no spaces.
     *
     * @throws RespNumberException when it is not such an integer
     */
    public long argLong(int i) {
        if (!argIsLong(i)) {
            throw new RespNumberException("argument " + i + " is not an integer or out of range");
        }
        return RespNumbers.toLong(source, base + offsets[i], lengths[i]);
    }

    /** Whether argument {@code i} is a double by Redis's {@code string2d} rules (see {@link RespNumbers}). */
    public boolean argIsDouble(int i) {
        return !Double.isNaN(RespNumbers.toDouble(source, base + offsets[checkIndex(i)], lengths[i]));
    }

    /**
     * Argument {@code i} as a double by Redis's {@code string2d} rules: what {@code strtod} consumes whole,
     * {@code inf} allowed, no leading space, no NaN, no overflow or underflow to zero.
     *
     * @throws RespNumberException when it is not such a number
     */
    public double argDouble(int i) {
        double value = RespNumbers.toDouble(source, base + offsets[checkIndex(i)], lengths[i]);
        if (Double.isNaN(value)) {
            throw new RespNumberException("argument " + i + " is not a valid float");
        }
        return value;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(inline ? "inline[" : "[");
        for (int i = 0; i < argc; i++) {
            text.append(i == 0 ? "" : ", ").append(argString(i));
        }
        return text.append(']').toString();
    }

    private int checkIndex(int i) {
        return Objects.checkIndex(i, argc);
    }

    // ---- filled in by RespRequestDecoder ----

    /** Forgets all arguments. */
    void clear() {
        argc = 0;
        inlineSize = 0;
        hashed = 0;
    }

    /** Adds an argument at {@code offset} relative to the request's start. */
    void addArg(int offset, int length) {
        if (argc == offsets.length) {
            offsets = Arrays.copyOf(offsets, argc * 2);
            lengths = Arrays.copyOf(lengths, argc * 2);
            if (hashes.length < Long.SIZE) {
                hashes = Arrays.copyOf(hashes, Math.min(Long.SIZE, argc * 2));
            }
        }
        offsets[argc] = offset;
        lengths[argc] = length;
        argc++;
    }

    /** Points the multibulk arguments at {@code in}, whose request starts at {@code start}. */
    void bindMultibulk(ByteBuffer in, int start) {
        source = in;
        base = start;
        inline = false;
        trackWriteView();
    }

    /** Appends one unescaped byte to the inline scratch. */
    void appendInline(int b) {
        if (inlineSize == inlineBytes.length) {
            inlineBytes = Arrays.copyOf(inlineBytes, Math.max(64, inlineSize * 2));
        }
        inlineBytes[inlineSize++] = (byte) b;
    }

    int inlineSize() {
        return inlineSize;
    }

    /** Points the arguments at the inline scratch filled by {@link #appendInline}. */
    void bindInline() {
        if (inlineView == null || inlineView.array() != inlineBytes) {
            inlineView = ByteBuffer.wrap(inlineBytes);
        }
        source = inlineView;
        base = 0;
        inline = true;
        trackWriteView();
    }

    private void trackWriteView() {
        if (writeViewSource != source) {
            writeViewSource = source;
            writeView = null;
        }
    }
}
