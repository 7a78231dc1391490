package io.weft.loadgen.target;

import io.weft.codec.resp.RespValue;
import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.spi.Replies;
import io.weft.loadgen.spi.ReplyChecker;
import java.util.List;

/**
 * Checks one connection's RESP replies against the template each request was written from, which its
 * token names (see {@link RespRequestWriter}). A GET's expected value is rebuilt from the key number in the
 * token, so nothing is remembered per request.
 */
final class RespReplyChecker implements ReplyChecker<RespValue> {

    private final List<RespTemplate> templates;
    /** The expected value of the GET being checked, rebuilt in place. */
    private final byte[] value;

    RespReplyChecker(RespTarget.Options options) {
        this.templates = options.workload().templates();
        this.value = new byte[options.valueSize()];
    }

    @Override
    public boolean onMessage(RespValue reply, Replies replies) {
        if (reply instanceof RespValue.PushValue) {
            return true; // RESP3 out-of-band data (invalidations, pub/sub): it answers no request
        }
        if (replies.outstanding() == 0) {
            return false;
        }
        long token = replies.token();
        ErrorKind error = Replies.isHandshake(token) ? checkHello(reply) : checkCommand(reply, token);
        if (error == null) {
            replies.ok();
        } else {
            replies.failed(error);
        }
        return true;
    }

    private ErrorKind checkCommand(RespValue reply, long token) {
        RespTemplate template = templates.get((int) (token >>> RespTarget.KEY_BITS));
        if (template.expectation() == RespExpectation.VALUE_OR_NIL) {
            KeyValueBytes.value(value, token & RespTarget.KEY_MASK);
        }
        return template.expectation().check(reply, value, value.length);
    }

    /** {@code HELLO 3} answers with a map of server properties. */
    private static ErrorKind checkHello(RespValue reply) {
        return RespExpectation.AGGREGATE.check(reply, null, 0);
    }
}
