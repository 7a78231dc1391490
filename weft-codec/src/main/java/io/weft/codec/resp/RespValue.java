package io.weft.codec.resp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A decoded reply, of any RESP2 or RESP3 type, for clients, the load generator and tests. Values are
 * immutable snapshots (byte arrays are copies the value owns), so unlike {@link RespRequest} they outlive
 * the decoder call. Records holding bytes compare them by content.
 */
public sealed interface RespValue {

    /** {@code +text} */
    record SimpleString(String value) implements RespValue { }

    /** {@code -CODE message}: the whole line after the {@code '-'}. */
    record ErrorValue(String message) implements RespValue { }

    /** {@code !length} (RESP3 blob error). */
    record BlobError(byte[] message) implements RespValue {
        @Override
        public boolean equals(Object other) {
            return other instanceof BlobError(byte[] m) && Arrays.equals(message, m);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(message);
        }

        @Override
        public String toString() {
            return "BlobError[" + new String(message, StandardCharsets.UTF_8) + "]";
        }
    }

    /** {@code :value} */
    record IntegerValue(long value) implements RespValue { }

    /** {@code $length} followed by the bytes. */
    record BulkString(byte[] value) implements RespValue {
        @Override
        public boolean equals(Object other) {
            return other instanceof BulkString(byte[] v) && Arrays.equals(value, v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "BulkString[" + new String(value, StandardCharsets.UTF_8) + "]";
        }
    }

    /** RESP3 {@code _}, and RESP2's {@code $-1} and {@code *-1}. */
    record NullValue() implements RespValue {
        public static final NullValue INSTANCE = new NullValue();
    }

    /** {@code *count} */
    record ArrayValue(List<RespValue> elements) implements RespValue { }

    /** One key and value of a {@link MapValue} or an {@link Attributed} value's attributes. */
    record Entry(RespValue key, RespValue value) { }

    /** {@code %pairs}, in wire order. */
    record MapValue(List<Entry> entries) implements RespValue { }

    /** {@code ~count}, in wire order. */
    record SetValue(List<RespValue> elements) implements RespValue { }

    /** {@code >count}: out-of-band data such as pub/sub messages. */
    record PushValue(List<RespValue> elements) implements RespValue { }

    /** {@code ,value}, including {@code inf}, {@code -inf} and {@code nan}. */
    record DoubleValue(double value) implements RespValue { }

    /** {@code #t} / {@code #f} */
    record BooleanValue(boolean value) implements RespValue { }

    /** {@code (digits}, kept as text: it may not fit in a long. */
    record BigNumber(String digits) implements RespValue { }

    /** {@code =length} then {@code fmt:text}. */
    record Verbatim(String format, byte[] text) implements RespValue {
        @Override
        public boolean equals(Object other) {
            return other instanceof Verbatim(String f, byte[] t) && format.equals(f) && Arrays.equals(text, t);
        }

        @Override
        public int hashCode() {
            return format.hashCode() * 31 + Arrays.hashCode(text);
        }

        @Override
        public String toString() {
            return "Verbatim[" + format + ":" + new String(text, StandardCharsets.UTF_8) + "]";
        }
    }

    /** {@code |pairs} of attributes, then the value they describe. */
    record Attributed(List<Entry> attributes, RespValue value) implements RespValue { }
}
