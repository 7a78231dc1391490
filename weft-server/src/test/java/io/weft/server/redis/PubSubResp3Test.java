package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.resp.RespVersion;
import io.weft.server.redis.core.Client;
import io.weft.transport.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RESP3 pub/sub on Weft alone: confirmations and messages are push frames ({@code >}), a subscribed RESP3
 * client may run any command, and one publish reaches RESP2 and RESP3 subscribers each in their own
 * encoding. The expected bytes are Redis 7.0's (pubsub.c writes a push header where RESP2 has an array).
 *
 * <p>Until this branch has HELLO, the client is switched to RESP3 on the server side; once HELLO 3 works,
 * it is used instead.
 */
class PubSubResp3Test {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void resp3SubscribersGetPushFrames(Engine engine) throws Exception {
        try (RedisServer server = RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(engine).withLoops(2));
             RespClient sub3 = resp3Client(server);
             RespClient sub2 = new RespClient(server.address());
             RespClient pub = new RespClient(server.address())) {
            assertThat(text(sub3.call("SUBSCRIBE", "a"))).isEqualTo(">3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n");
            assertThat(text(sub3.call("PSUBSCRIBE", "a*"))).isEqualTo(">3\r\n$10\r\npsubscribe\r\n$2\r\na*\r\n:2\r\n");
            assertThat(text(sub2.call("SUBSCRIBE", "a"))).isEqualTo("*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n");

            assertThat(text(pub.call("PUBLISH", "a", "hi"))).isEqualTo(":3\r\n");
            assertThat(text(sub3.readReply())).isEqualTo(">3\r\n$7\r\nmessage\r\n$1\r\na\r\n$2\r\nhi\r\n");
            assertThat(text(sub3.readReply())).isEqualTo(">4\r\n$8\r\npmessage\r\n$2\r\na*\r\n$1\r\na\r\n$2\r\nhi\r\n");
            assertThat(text(sub2.readReply())).isEqualTo("*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$2\r\nhi\r\n");

            // No subscribed context in RESP3: ordinary commands keep working, with RESP3 replies.
            assertThat(text(sub3.call("GET", "missing"))).isEqualTo("_\r\n");
            assertThat(text(sub3.call("PING"))).isEqualTo("+PONG\r\n");

            assertThat(text(sub3.call("UNSUBSCRIBE"))).isEqualTo(">3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:1\r\n");
            assertThat(text(sub3.call("UNSUBSCRIBE"))).isEqualTo(">3\r\n$11\r\nunsubscribe\r\n_\r\n:1\r\n");
            assertThat(text(sub3.call("PUNSUBSCRIBE"))).isEqualTo(">3\r\n$12\r\npunsubscribe\r\n$2\r\na*\r\n:0\r\n");
            assertThat(text(sub3.call("PUNSUBSCRIBE"))).isEqualTo(">3\r\n$12\r\npunsubscribe\r\n_\r\n:0\r\n");
        }
    }

    /** A client speaking RESP3: by HELLO 3 if the server has it, else switched over on the server side. */
    private static RespClient resp3Client(RedisServer server) throws IOException {
        Set<Long> before = server.state().clients().stream().map(Client::id).collect(Collectors.toSet());
        RespClient client = new RespClient(server.address());
        byte[] hello = client.call("HELLO", "3");
        if (hello[0] != '%') {
            // No HELLO yet: its error reply proves the connection is registered, so it can be found.
            Client registered = server.state().clients().stream()
                    .filter(c -> !before.contains(c.id())).findFirst().orElseThrow();
            registered.resp(RespVersion.RESP3);
        }
        return client;
    }

    private static String text(byte[] reply) {
        return new String(reply, StandardCharsets.ISO_8859_1);
    }
}
