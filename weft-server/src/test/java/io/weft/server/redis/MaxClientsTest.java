package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.transport.Engine;
import java.net.Socket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** maxclients: the connection past the limit gets Redis's error and is closed; the others carry on. */
class MaxClientsTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theThirdOfTwoAllowedClientsIsTurnedAway(Engine engine) throws Exception {
        RedisConfig config = RedisConfig.defaults().withPort(0).withEngine(engine).withLoops(1).withMaxClients(2);
        try (RedisServer server = RedisServer.start(config);
             RespClient first = new RespClient(server.address());
             RespClient second = new RespClient(server.address())) {
            // Both are served, so both count against the limit before the third connects.
            assertThat(new String(first.call("PING"))).isEqualTo("+PONG\r\n");
            assertThat(new String(second.call("PING"))).isEqualTo("+PONG\r\n");
            try (Socket third = new Socket()) {
                third.connect(server.address(), 5_000);
                third.setSoTimeout(10_000);
                assertThat(new String(third.getInputStream().readAllBytes()))
                        .isEqualTo("-ERR max number of clients reached\r\n");
            }
            assertThat(new String(first.call("ECHO", "still here"))).isEqualTo("$10\r\nstill here\r\n");
            assertThat(new String(second.call("PING"))).isEqualTo("+PONG\r\n");
            String info = Reports.text(first.call("INFO", "stats"));
            assertThat(Reports.infoValue(info, "rejected_connections")).isEqualTo("1");
        }
    }
}
