package io.weft.loadgen.target;

import io.weft.codec.http.HttpResponse;
import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.spi.Replies;
import io.weft.loadgen.spi.ReplyChecker;

/**
 * Checks each HTTP response's status. Another status than the expected one is an error reply when it is
 * 4xx or 5xx (the server refused or failed) and a mismatch otherwise (a redirect, a different success).
 * Interim 1xx responses answer no request by themselves and are skipped. A response that ends its
 * connection ({@code Connection: close}) tells the generator to open a new one.
 */
final class HttpStatusChecker implements ReplyChecker<HttpResponse> {

    private final int expected;

    HttpStatusChecker(int expected) {
        this.expected = expected;
    }

    @Override
    public boolean onMessage(HttpResponse response, Replies replies) {
        if (response.informational() && expected >= 200) {
            return true;
        }
        if (replies.outstanding() == 0) {
            return false;
        }
        int status = response.status();
        if (status == expected) {
            replies.ok();
        } else {
            replies.failed(status >= 400 ? ErrorKind.ERROR_REPLY : ErrorKind.MISMATCH);
        }
        if (!response.keepAlive()) {
            replies.lastReply();
        }
        return true;
    }
}
