package io.weft.codec.resp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.DecoderFeed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DecoderFeed} for {@link RespRequestDecoder}: each request is copied out as its arguments, kept
 * as ISO-8859-1 strings (one char per byte, so binary arguments compare exactly).
 */
final class RequestFeed extends DecoderFeed<RespRequest, List<String>, RequestFeed> {

    RequestFeed(RespRequestDecoder decoder, int initialCapacity, boolean compactEveryRead) {
        super(decoder, RequestFeed::args, initialCapacity, compactEveryRead);
    }

    RequestFeed(boolean compactEveryRead) {
        this(new RespRequestDecoder(), 16, compactEveryRead);
    }

    List<List<String>> requests() {
        return decoded();
    }

    static List<String> args(RespRequest request) {
        List<String> args = new ArrayList<>(request.argc());
        for (int i = 0; i < request.argc(); i++) {
            args.add(new String(request.argBytes(i), ISO_8859_1));
        }
        return args;
    }

    static byte[] bytes(String s) {
        return s.getBytes(ISO_8859_1);
    }

    /** A multibulk command of ISO-8859-1 arguments, as clients send. */
    static byte[] command(String... args) {
        ByteBufferSink sink = new ByteBufferSink(64);
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            raw[i] = bytes(args[i]);
        }
        RespWriter.command(sink, raw);
        ByteBuffer written = sink.written();
        byte[] out = new byte[written.remaining()];
        written.get(out);
        return out;
    }
}
