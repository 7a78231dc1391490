package io.weft.loadgen.target;

import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.spi.Replies;
import io.weft.loadgen.spi.ReplyChecker;
import java.nio.ByteBuffer;

/**
 * Checks echo replies over raw framing, where a read may hold part of a reply, several replies, or the end
 * of one and the start of the next. Since every request has the same size, the stream is cut into replies
 * by counting bytes; each piece is compared in place with the matching part of the expected payload, so
 * nothing is copied or buffered.
 */
final class EchoStreamChecker implements ReplyChecker<ByteBuffer> {

    private final EchoPayload payload;
    private final int size;
    /** The payload the reply in progress should equal; set when its first byte arrives. */
    private ByteBuffer expected;
    /** Bytes of the reply in progress seen so far; 0 between replies. */
    private int offset;
    /** Whether any byte of the reply in progress differed from {@link #expected}. */
    private boolean differs;

    EchoStreamChecker(int size) {
        payload = new EchoPayload(size);
        this.size = size;
    }

    @Override
    public boolean onMessage(ByteBuffer in, Replies replies) {
        int end = in.limit();
        while (in.position() < end) {
            if (offset == 0) {
                if (replies.outstanding() == 0) {
                    return false; // bytes nobody asked for
                }
                expected = payload.of(replies.token());
                differs = false;
            }
            int n = Math.min(end - in.position(), size - offset);
            // Compare the next n bytes of the input with bytes [offset, offset + n) of the expected payload.
            in.limit(in.position() + n);
            expected.limit(offset + n).position(offset);
            differs |= in.mismatch(expected) >= 0;
            in.limit(end).position(in.position() + n);
            offset += n;
            if (offset == size) {
                offset = 0;
                if (differs) {
                    replies.failed(ErrorKind.MISMATCH);
                } else {
                    replies.ok();
                }
            }
        }
        return true;
    }
}
