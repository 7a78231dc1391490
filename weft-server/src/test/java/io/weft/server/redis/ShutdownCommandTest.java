package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.transport.Engine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SHUTDOWN asks the server to stop and closes the connection without a reply, as Redis does. */
class ShutdownCommandTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shutdownIsReportedAndTheConnectionClosesWithoutAReply(Engine engine) throws Exception {
        try (RedisServer server = RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(engine))) {
            CompletableFuture<Void> requested = CompletableFuture.runAsync(() -> {
                try {
                    server.awaitShutdownRequest();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try (RespClient client = new RespClient(server.address())) {
                assertThat(new String(client.call("SHUTDOWN", "ABORT"))).isEqualTo("-ERR No shutdown in progress.\r\n");
                assertThat(requested).isNotDone();
                client.send("SHUTDOWN".getBytes(), "NOSAVE".getBytes());
                client.assertClosedByServer();
            }
            requested.get(10, TimeUnit.SECONDS);
            assertThat(server.shutdown(Duration.ofSeconds(5)).forced()).isZero();
        }
    }
}
