package io.weft.codec.frame;

import io.weft.codec.Codec;
import java.nio.ByteBuffer;
import java.util.Locale;

/** The framings a byte-message protocol (echo, for one) can run over, by the name a user types. */
public enum Framing {
    /** No framing: each read is one message. See {@link RawDecoder}. */
    RAW,
    /** '\n'-terminated lines, CRLF accepted. See {@link LineDecoder}. */
    LINE,
    /** 4-byte big-endian length, then the payload. See {@link LengthFieldDecoder}. */
    LENGTH;

    // Encoders are stateless, so every codec of a framing shares one.
    private static final RawEncoder RAW_ENCODER = new RawEncoder();
    private static final LineEncoder LINE_ENCODER = new LineEncoder();
    private static final LengthFieldEncoder LENGTH_ENCODER = new LengthFieldEncoder();

    /** A codec for this framing; each {@link Codec#newDecoder()} is a fresh decoder bound by {@code limits}. */
    public Codec<ByteBuffer, ByteBuffer> codec(FrameLimits limits) {
        return switch (this) {
            case RAW -> new Codec<>(RawDecoder::new, RAW_ENCODER);
            case LINE -> new Codec<>(() -> new LineDecoder(limits), LINE_ENCODER);
            case LENGTH -> new Codec<>(() -> new LengthFieldDecoder(limits), LENGTH_ENCODER);
        };
    }

    /** The lower-case name used on command lines and in configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The framing called {@code name}: "raw", "line" or "length", in any case.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Framing parse(String name) {
        for (Framing framing : values()) {
            if (framing.name().equalsIgnoreCase(name)) {
                return framing;
            }
        }
        throw new IllegalArgumentException("unknown framing '" + name + "'; expected raw, line or length");
    }
}
