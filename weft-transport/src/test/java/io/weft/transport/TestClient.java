package io.weft.transport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** A plain blocking client speaking the 4-byte length framing, independent of Weft's engines. */
final class TestClient implements AutoCloseable {

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    TestClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(20_000);
        socket.connect(address, 5_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static byte[] frame(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    void send(byte[] payload) throws IOException {
        out.write(frame(payload));
        out.flush();
    }

    void send(String payload) throws IOException {
        send(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} in random pieces, flushing each, so the server sees arbitrary splits. */
    void sendSplit(byte[] bytes, Random random) throws IOException {
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(Math.max(1, Math.min(bytes.length, 70_000))));
            out.write(bytes, at, n);
            out.flush();
            at += n;
        }
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    byte[] receive() throws IOException {
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    String receiveString() throws IOException {
        return new String(receive(), StandardCharsets.UTF_8);
    }

    byte[] receiveRaw(int n) throws IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /**
     * Reads until the server closes: true for an orderly FIN, false for a reset. Data still arriving
     * is discarded.
     */
    boolean awaitClosedByServer() throws IOException {
        byte[] sink = new byte[8192];
        try {
            while (in.read(sink) >= 0) {
                // discard
            }
            return true;
        } catch (SocketException e) {
            return false;
        }
    }

    boolean isClosedByServer() throws IOException {
        try {
            in.readInt();
            return false;
        } catch (EOFException e) {
            return true;
        } catch (SocketException e) {
            return true;
        }
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes with RST instead of FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
