package io.weft.loadgen.target;

import io.weft.loadgen.ErrorKind;
import io.weft.loadgen.spi.Replies;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The requests a test has "sent", oldest first, and the outcome a checker gave each: "ok" or the
 * {@link ErrorKind} label, in completion order, with "last-reply" where the checker said the connection ends.
 */
final class RecordingReplies implements Replies {

    private final Deque<Long> tokens = new ArrayDeque<>();
    final List<String> outcomes = new ArrayList<>();

    RecordingReplies(long... sent) {
        for (long t : sent) {
            tokens.add(t);
        }
    }

    void send(long token) {
        tokens.add(token);
    }

    @Override
    public int outstanding() {
        return tokens.size();
    }

    @Override
    public long token() {
        return tokens.getFirst();
    }

    @Override
    public void ok() {
        tokens.removeFirst();
        outcomes.add("ok");
    }

    @Override
    public void failed(ErrorKind kind) {
        tokens.removeFirst();
        outcomes.add(kind.label());
    }

    @Override
    public void lastReply() {
        outcomes.add("last-reply");
    }
}
