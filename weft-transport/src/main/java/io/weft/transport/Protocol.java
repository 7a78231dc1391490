package io.weft.transport;

import io.weft.codec.Codec;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a listener speaks: a codec, and either a handler factory (callback style, both engines) or a
 * sequential session body (straight-line style, virtual-thread engine only).
 *
 * @param name         for logs and counters, e.g. "echo" or "resp"
 * @param codec        the wire format
 * @param handlers     makes one handler per connection; null for a sequential protocol
 * @param session      the body run once per connection; null for a callback protocol
 * @param rejectReply  sent to a connection refused by the connection limit before it is closed (for
 *                     example Redis's "-ERR max number of clients reached"), or null to just close
 * @param <I> what the peer sends
 * @param <O> what we send
 */
public record Protocol<I, O>(String name, Codec<I, O> codec, Supplier<? extends Handler<I, O>> handlers,
                             SessionHandler<I, O> session, byte[] rejectReply) {

    public Protocol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codec, "codec");
        if ((handlers == null) == (session == null)) {
            throw new IllegalArgumentException("a protocol has either a handler factory or a session body");
        }
    }

    /** A callback protocol: runs on both engines. */
    public static <I, O> Protocol<I, O> of(String name, Codec<I, O> codec,
                                           Supplier<? extends Handler<I, O>> handlers) {
        return new Protocol<>(name, codec, handlers, null, null);
    }

    /** A sequential protocol: {@code body} runs on the connection's virtual thread. */
    public static <I, O> Protocol<I, O> sequential(String name, Codec<I, O> codec, SessionHandler<I, O> body) {
        return new Protocol<>(name, codec, null, body, null);
    }

    /** The same protocol, sending {@code reply} to connections refused by the connection limit. */
    public Protocol<I, O> withRejectReply(byte[] reply) {
        return new Protocol<>(name, codec, handlers, session, reply == null ? null : reply.clone());
    }

    public boolean isSequential() {
        return session != null;
    }
}
