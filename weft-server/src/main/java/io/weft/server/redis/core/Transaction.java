package io.weft.server.redis.core;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespRequestDecoder;
import io.weft.codec.resp.RespWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands queued between MULTI and EXEC.
 *
 * <p>A request's arguments live in the connection's input buffer only until the next request is decoded,
 * so each queued command is re-encoded as a RESP multibulk into one growing buffer and decoded again at
 * EXEC. That keeps one representation of a request, {@link RespRequest}, for both paths.
 */
public final class Transaction {

    private final ByteBufferSink queued = new ByteBufferSink(256);
    private final List<CommandSpec> specs = new ArrayList<>();
    private boolean aborted;
    private long lockMask;

    /** Queues {@code request}, to run as {@code spec} at EXEC. */
    void add(CommandSpec spec, RespRequest request) {
        RespWriter.arrayHeader(queued, request.argc());
        for (int i = 0; i < request.argc(); i++) {
            RespWriter.bulk(queued, request, i);
        }
        specs.add(spec);
        lockMask |= spec.lockMask(request);
    }

    /** An error while queueing: EXEC will fail with EXECABORT. */
    public void abort() {
        aborted = true;
    }

    public boolean aborted() {
        return aborted;
    }

    public int size() {
        return specs.size();
    }

    /** The stripes the queued commands need, all taken together for EXEC. */
    long lockMask() {
        return lockMask;
    }

    List<CommandSpec> specs() {
        return specs;
    }

    /** Bytes held by the queue, for CLIENT LIST's multi-mem. */
    public int memory() {
        return queued.size();
    }

    /** Replays the queued requests in order. */
    void replay(java.util.function.BiConsumer<CommandSpec, RespRequest> action) {
        RespRequestDecoder decoder = new RespRequestDecoder();
        ByteBuffer in = queued.readable();
        for (CommandSpec spec : specs) {
            try {
                action.accept(spec, decoder.decode(in));
            } catch (io.weft.codec.ProtocolException e) {
                throw new IllegalStateException("a queued command failed to decode", e);
            }
        }
    }
}
