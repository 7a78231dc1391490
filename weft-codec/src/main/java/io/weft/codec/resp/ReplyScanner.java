package io.weft.codec.resp;

import java.nio.ByteBuffer;

/**
 * Finds where one reply ends without building it, and can stop and resume as bytes arrive.
 *
 * <p>One counter is enough for any nesting: {@code pending} is how many values are still owed. A scalar pays
 * one; an aggregate of n pays one and owes n more (a map 2n); an attribute owes its 2n entries and still the
 * value it describes. The reply is complete when nothing is owed. Checks the structure and the limits;
 * the contents of lines are checked when the value is built.
 */
final class ReplyScanner {

    private final RespLimits limits;
    /** Bytes from the reply's start up to the first value not yet scanned. */
    private int offset;
    private long pending = 1;

    ReplyScanner(RespLimits limits) {
        this.limits = limits;
    }

    /** The reply's total length once it is complete, or -1 ("need more", state kept for the next call). */
    int scan(ByteBuffer in, int start, int end) throws RespProtocolException {
        while (pending > 0) {
            int p = start + offset;
            if (p >= end) {
                return -1;
            }
            int lineEnd = lineEnd(in, p, end, limits.maxInlineLength());
            if (lineEnd < 0) {
                return -1;
            }
            int next = element(in, p, lineEnd, end);
            if (next < 0) {
                return -1;
            }
            offset = next - start;
        }
        int length = offset;
        offset = 0;
        pending = 1;
        return length;
    }

    boolean inProgress() {
        return offset > 0;
    }

    /** Scans the value at {@code p}; returns the index after it, or -1 when its payload has not arrived. */
    private int element(ByteBuffer in, int p, int cr, int end) throws RespProtocolException {
        byte type = in.get(p);
        switch (type) {
            case '+', '-', ':', ',', '#', '(', '_' -> pending--;
            case '$', '!', '=' -> {
                long length = number(in, p, cr);
                if (length == -1 && type == '$') {
                    pending--;
                    break;
                }
                if (length < 0 || length > limits.maxBulkLength()) {
                    throw RespProtocolException.reply("invalid bulk length " + length);
                }
                int payload = cr + 2;
                if (end - payload < length + 2) {
                    return -1;
                }
                int payloadEnd = payload + (int) length;
                if (in.get(payloadEnd) != '\r' || in.get(payloadEnd + 1) != '\n') {
                    throw RespProtocolException.reply("bulk payload not followed by CRLF");
                }
                pending--;
                return payloadEnd + 2;
            }
            case '*', '~', '>', '%', '|' -> {
                long count = number(in, p, cr);
                if (count == -1 && type == '*') {
                    pending--;
                    break;
                }
                if (count < 0 || count > limits.maxMultibulkLength()) {
                    throw RespProtocolException.reply("invalid aggregate length " + count);
                }
                long owed = type == '%' || type == '|' ? 2 * count : count;
                pending += type == '|' ? owed : owed - 1;
            }
            default -> throw RespProtocolException.reply("unknown reply type byte " + (type & 0xff));
        }
        return cr + 2;
    }

    private static long number(ByteBuffer in, int p, int cr) throws RespProtocolException {
        int length = cr - p - 1;
        if (!RespNumbers.isLong(in, p + 1, length)) {
            throw RespProtocolException.reply("invalid length in reply header");
        }
        return RespNumbers.toLong(in, p + 1, length);
    }

    /**
     * The index of the {@code '\r'} of the CRLF ending the line at {@code p}, or -1 when it has not arrived.
     */
    static int lineEnd(ByteBuffer in, int p, int end, int maxLine) throws RespProtocolException {
        for (int i = p; i < end; i++) {
            if (in.get(i) == '\n') {
                if (i == p || in.get(i - 1) != '\r') {
                    throw RespProtocolException.reply("reply line not ended by CRLF");
                }
                return i - 1;
            }
        }
        if (end - p > maxLine + 1) {
            throw RespProtocolException.reply("reply line longer than " + maxLine + " bytes");
        }
        return -1;
    }
}
