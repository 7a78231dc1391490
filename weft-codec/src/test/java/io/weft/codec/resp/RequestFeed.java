package io.weft.codec.resp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.weft.codec.ByteBufferSink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link RespRequestDecoder} the way an engine does: append a read to the buffer, decode until
 * "need more", copy each request out, then (optionally) compact so the next read lands elsewhere. Arguments
 * are kept as ISO-8859-1 strings: one char per byte, so binary arguments compare exactly.
 */
final class RequestFeed {

    private final RespRequestDecoder decoder;
    private final boolean compactEveryRead;
    private final List<List<String>> requests = new ArrayList<>();
    private ByteBuffer buffer;

    RequestFeed(RespRequestDecoder decoder, int initialCapacity, boolean compactEveryRead) {
        this.decoder = decoder;
        this.compactEveryRead = compactEveryRead;
        this.buffer = ByteBuffer.allocate(initialCapacity).flip();
    }

    RequestFeed(boolean compactEveryRead) {
        this(new RespRequestDecoder(), 16, compactEveryRead);
    }

    RequestFeed read(byte[] bytes, int offset, int length) throws RespProtocolException {
        if (compactEveryRead || buffer.capacity() - buffer.limit() < length) {
            buffer.compact().flip();
        }
        if (buffer.capacity() - buffer.limit() < length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.limit() + length));
            buffer = bigger.put(buffer).flip();
        }
        int limit = buffer.limit();
        buffer.limit(limit + length).put(limit, bytes, offset, length);
        RespRequest request;
        while ((request = decoder.decode(buffer)) != null) {
            requests.add(args(request));
        }
        return this;
    }

    RequestFeed read(byte[] bytes) throws RespProtocolException {
        return read(bytes, 0, bytes.length);
    }

    RequestFeed readInChunks(byte[] bytes, int chunk) throws RespProtocolException {
        for (int i = 0; i < bytes.length; i += chunk) {
            read(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return this;
    }

    List<List<String>> requests() {
        return requests;
    }

    int pending() {
        return buffer.remaining();
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
