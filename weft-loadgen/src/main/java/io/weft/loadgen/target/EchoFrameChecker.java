package io.weft.loadgen.target;

import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.spi.Replies;
import io.weft.loadgen.spi.ReplyChecker;
import java.nio.ByteBuffer;

/**
 * Checks echo replies over a framing that delimits messages (line or length): each decoded frame is one
 * whole reply and must equal the payload of the oldest request, byte for byte and in length.
 */
final class EchoFrameChecker implements ReplyChecker<ByteBuffer> {

    private final EchoPayload payload;

    EchoFrameChecker(int size) {
        payload = new EchoPayload(size);
    }

    @Override
    public boolean onMessage(ByteBuffer frame, Replies replies) {
        if (replies.outstanding() == 0) {
            return false; // an echo of nothing we sent: the stream is out of step
        }
        ByteBuffer expected = payload.of(replies.token());
        if (frame.remaining() == expected.remaining() && frame.mismatch(expected) < 0) {
            replies.ok();
        } else {
            replies.failed(ErrorKind.MISMATCH);
        }
        return true;
    }
}
