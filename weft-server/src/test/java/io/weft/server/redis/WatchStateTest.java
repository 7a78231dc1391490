package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.redis.core.Client;
import io.weft.transport.Engine;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What WATCH keeps per client, seen from the server: nothing grows without bound, and EXEC lets go. */
class WatchStateTest {

    @Test
    void repeatedWatchOfOneKeyIsKeptOnceAndExecReleasesIt() throws Exception {
        try (RedisServer server = RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(Engine.LOOP))) {
            Set<Long> others = server.state().clients().stream().map(Client::id).collect(Collectors.toSet());
            RespClient client = new RespClient(server.address());
            for (int i = 0; i < 1000; i++) {
                client.call("WATCH", "k", "k");
            }
            Client watcher = server.state().clients().stream()
                    .filter(c -> !others.contains(c.id())).findFirst().orElseThrow();
            assertThat(watcher.watch().size()).isEqualTo(1);

            client.call("MULTI");
            assertThat(new String(client.call("EXEC"))).isEqualTo("*0\r\n");
            assertThat(watcher.watching()).isFalse();
            client.close();
        }
    }
}
