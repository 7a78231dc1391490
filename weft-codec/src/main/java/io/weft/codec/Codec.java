package io.weft.codec;

import java.util.function.Supplier;

/**
 * A wire format: a fresh decoder for each connection (decoders hold per-connection state) and one
 * encoder shared by all.
 *
 * @param <I> what the peer sends
 * @param <O> what we send back
 */
public record Codec<I, O>(Supplier<? extends Decoder<I>> decoders, Encoder<? super O> encoder) {

    public Decoder<I> newDecoder() {
        return decoders.get();
    }
}
