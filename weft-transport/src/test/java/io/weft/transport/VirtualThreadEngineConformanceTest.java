package io.weft.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.frame.FrameLimits;
import io.weft.codec.frame.Framing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VirtualThreadEngineConformanceTest extends TransportConformanceTest {

    @Override
    protected Engine engine() {
        return Engine.VTHREAD;
    }

    @Test
    void sequentialSessionsReadAndWriteInStraightLines() throws Exception {
        SessionHandler<ByteBuffer, ByteBuffer> body = session -> {
            ByteBuffer name = session.readMessage();
            String greeting = "hello " + StandardCharsets.UTF_8.decode(name);
            session.writeMessage(ByteBuffer.wrap(greeting.getBytes(StandardCharsets.UTF_8)));
            session.flush();
            ByteBuffer m;
            int count = 0;
            while ((m = session.readMessage()) != null) {
                count++;
                session.writeMessage(m);
                session.flush();
            }
            events.add("session saw " + count);
        };
        Server server = start(Listener.loopback("test", engine().create(),
                Protocol.sequential("greet", Framing.LENGTH.codec(FrameLimits.DEFAULT), body)));
        try (TestClient client = new TestClient(server.address("test"))) {
            client.send("weft");
            assertThat(client.receiveString()).isEqualTo("hello weft");
            for (int i = 0; i < 10; i++) {
                client.send("n" + i);
                assertThat(client.receiveString()).isEqualTo("n" + i);
            }
            client.shutdownOutput();
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(events.await("session")).isEqualTo("session saw 10");
    }
}
