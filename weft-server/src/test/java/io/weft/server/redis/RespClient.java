package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.ByteBufferSink;
import io.weft.codec.resp.RespProtocolException;
import io.weft.codec.resp.RespReplyDecoder;
import io.weft.codec.resp.RespWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A blocking test client that sends commands and returns each reply as the exact bytes the server
 * sent, so replies from Weft and from real Redis can be compared byte for byte.
 */
public final class RespClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private ByteBuffer buffered = ByteBuffer.allocate(64 * 1024).flip();

    public RespClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(address, 5_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends one command (arguments as UTF-8) and returns its reply's raw bytes. */
    public byte[] call(String... args) throws IOException {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return call(raw);
    }

    /** Sends one command with binary arguments and returns its reply's raw bytes. */
    public byte[] call(byte[]... args) throws IOException {
        send(args);
        return readReply();
    }

    /** Sends one command without waiting for the reply (for pipelines). */
    public void send(byte[]... args) throws IOException {
        ByteBufferSink sink = new ByteBufferSink(64);
        RespWriter.command(sink, args);
        ByteBuffer bytes = sink.readable();
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        out.flush();
    }

    /** Sends raw bytes, exactly as given (inline commands, malformed input). */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the next complete reply, however it is split across reads, and returns its bytes. */
    public byte[] readReply() throws IOException {
        while (true) {
            int length;
            try {
                length = RespReplyDecoder.frameLength(buffered);
            } catch (RespProtocolException e) {
                throw new IOException("the server sent something that is not RESP", e);
            }
            if (length >= 0) {
                byte[] reply = new byte[length];
                buffered.get(reply);
                return reply;
            }
            buffered.compact();
            if (!buffered.hasRemaining()) {
                buffered = ByteBuffer.allocate(buffered.capacity() * 2).put(buffered.flip());
            }
            int n = in.read(buffered.array(), buffered.arrayOffset() + buffered.position(), buffered.remaining());
            if (n < 0) {
                buffered.flip();
                throw new IOException("connection closed by the server; unread: "
                        + Arrays.toString(Arrays.copyOfRange(buffered.array(), buffered.position(), buffered.limit())));
            }
            buffered.position(buffered.position() + n).flip();
        }
    }

    /**
     * Asserts the server has closed the connection: the next read finds the end of the stream, with no
     * bytes before it. A read timeout is an error here, so a connection left open cannot pass for closed.
     */
    public void assertClosedByServer() {
        assertThatThrownBy(this::readReply).isInstanceOf(IOException.class)
                .hasMessageContaining("closed by the server; unread: []");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
