package io.weft.loadgen.target;

import io.weft.codec.resp.RespValue;
import io.weft.loadgen.ErrorKind;
import java.util.Arrays;

/** What a correct reply to a RESP command looks like. */
enum RespExpectation {
    /** {@code +OK}: SET. */
    OK,
    /** {@code +PONG}: PING. */
    PONG,
    /** An integer: DEL, INCR, LPUSH, ... */
    INTEGER,
    /** A bulk string or nil, whatever its bytes: LPOP, HGET, ... */
    BULK_OR_NIL,
    /** Nil, or a bulk string holding exactly the value of the key asked for: GET (see {@link KeyValueBytes}). */
    VALUE_OR_NIL,
    /** An array, set or map: the reply to HELLO. */
    AGGREGATE,
    /** Any reply but an error: commands the load generator does not know. */
    ANY;

    /**
     * Checks {@code reply}, looking through RESP3 attributes. {@code value} and {@code valueLength} are the
     * expected value, used by {@link #VALUE_OR_NIL} only.
     *
     * @return null when the reply is correct; {@link ErrorKind#ERROR_REPLY} for an error reply, whatever was
     *         expected; {@link ErrorKind#MISMATCH} for a reply of the wrong type or value
     */
    ErrorKind check(RespValue reply, byte[] value, int valueLength) {
        RespValue v = reply instanceof RespValue.Attributed(_, RespValue inner) ? inner : reply;
        if (v instanceof RespValue.ErrorValue || v instanceof RespValue.BlobError) {
            return ErrorKind.ERROR_REPLY;
        }
        boolean correct = switch (this) {
            case OK -> v instanceof RespValue.SimpleString(String s) && s.equals("OK");
            case PONG -> v instanceof RespValue.SimpleString(String s) && s.equals("PONG");
            case INTEGER -> v instanceof RespValue.IntegerValue;
            case BULK_OR_NIL -> v instanceof RespValue.BulkString || v instanceof RespValue.NullValue;
            case VALUE_OR_NIL -> v instanceof RespValue.NullValue
                    || v instanceof RespValue.BulkString(byte[] b)
                            && Arrays.equals(b, 0, b.length, value, 0, valueLength);
            case AGGREGATE -> v instanceof RespValue.ArrayValue || v instanceof RespValue.SetValue
                    || v instanceof RespValue.MapValue;
            case ANY -> true;
        };
        return correct ? null : ErrorKind.MISMATCH;
    }
}
