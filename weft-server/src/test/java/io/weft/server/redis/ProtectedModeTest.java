package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.weft.server.redis.core.ProtectedMode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Protected mode: the rule, and the refusal a non-loopback client gets, compared with Redis's bytes. */
class ProtectedModeTest {

    private static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.7", 50000);
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress LOOPBACK6 = new InetSocketAddress("::1", 50000);

    @Test
    void onlyNonLoopbackClientsAreRefusedAndOnlyWithoutAPassword() {
        RedisConfig protectedNoPassword = RedisConfig.defaults();
        assertThat(ProtectedMode.refusal(protectedNoPassword, REMOTE)).isEqualTo(ProtectedMode.DENIED);
        assertThat(ProtectedMode.refusal(protectedNoPassword, LOOPBACK)).isNull();
        assertThat(ProtectedMode.refusal(protectedNoPassword, LOOPBACK6)).isNull();
        assertThat(ProtectedMode.refusal(protectedNoPassword.withRequirePass("pw"), REMOTE)).isNull();
        assertThat(ProtectedMode.refusal(protectedNoPassword.withProtectedMode(false), REMOTE)).isNull();
        assertThat(ProtectedMode.DENIED).startsWith("DENIED Redis is running in protected mode");
    }

    @Test
    void aClientFromAnotherAddressGetsRedisesRefusal() throws Exception {
        InetAddress external = nonLoopbackAddress();
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address to connect through");
        try (RealRedis redis = RealRedis.start("--bind", "0.0.0.0", "--protected-mode", "yes");
             RedisServer weft = RedisServer.start(RedisConfig.defaults().withPort(0).withBind("0.0.0.0"))) {
            byte[] expected = readUntilClosed(new InetSocketAddress(external, redis.address().getPort()));
            byte[] actual = readUntilClosed(new InetSocketAddress(external, weft.address().getPort()));
            assertThat(Differential.show(actual)).isEqualTo(Differential.show(expected));
            assertThat(new String(actual)).startsWith("-DENIED ").endsWith("\r\n");
            // Loopback clients are still served.
            try (RespClient local = new RespClient(new InetSocketAddress("127.0.0.1", weft.address().getPort()))) {
                assertThat(new String(local.call("PING"))).isEqualTo("+PONG\r\n");
            }
        }
    }

    private static byte[] readUntilClosed(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
            socket.setSoTimeout(10_000);
            // Both servers refuse on accept, without waiting for a command. Sending one would race the
            // server's close: data arriving at a closed socket draws a reset that can drop the refusal.
            return socket.getInputStream().readAllBytes();
        }
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address;
                }
            }
        }
        return null;
    }
}
