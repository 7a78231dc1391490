package io.weft.server.redis;

import io.weft.transport.Engine;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A password set with CONFIG SET requirepass, on Redis and Weft alike: NOAUTH before AUTH, AUTH and HELLO
 * AUTH right and wrong, RESET forgetting the login, and connections made before the change staying in.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class AuthTest {

    private static Differential diff;

    @Parameter
    Engine engine;

    private Differential.Pair admin;

    @BeforeParameterizedClassInvocation
    static void start(Engine engine) throws Exception {
        diff = Differential.start(engine);
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        diff.close();
    }

    @BeforeEach
    void setPassword() throws Exception {
        admin = diff.pair();
        admin.same("CONFIG", "SET", "requirepass", "secret");
    }

    @AfterEach
    void clearPassword() throws Exception {
        try (var opened = admin) {
            opened.same("CONFIG", "SET", "requirepass", "");
        }
    }

    @Test
    void commandsNeedAuthFirst() throws Exception {
        try (var p = diff.pair()) {
            p.same("PING");
            p.same("GET", "a");
            p.same("CLIENT", "ID");
            p.same("SELECT", "1");
            p.same("NOSUCH");
            p.same("HELLO");
            p.same("HELLO", "3");
            p.same("HELLO", "2", "AUTH", "default", "wrong");
            p.same("AUTH", "wrong");
            p.same("AUTH", "nobody", "secret");
            p.same("PING");
            p.same("AUTH", "secret");
            p.same("PING");
        }
    }

    @Test
    void failedAuthKeepsAnEarlierLoginAndResetForgetsIt() throws Exception {
        try (var p = diff.pair()) {
            p.same("AUTH", "default", "secret");
            p.same("AUTH", "wrong");
            p.same("PING");
            p.same("RESET");
            p.same("PING");
            p.same("AUTH", "secret");
            p.same("PING");
        }
    }

    @Test
    void helloAuthLogsInAndNamesTheConnection() throws Exception {
        try (var p = diff.pair()) {
            sameButId(p, "HELLO", "3", "AUTH", "default", "secret", "SETNAME", "app");
            p.same("CLIENT", "GETNAME");
            p.same("PING");
            sameButId(p, "HELLO", "2", "AUTH", "default", "secret", "SETNAME", "");
            p.same("CLIENT", "GETNAME");
        }
    }

    @Test
    void connectionsFromBeforeThePasswordStayLoggedIn() throws Exception {
        admin.same("PING");
        admin.same("SET", "k", "v");
        admin.same("GET", "k");
    }

    @Test
    void clearingThePasswordLetsWaitingClientsIn() throws Exception {
        try (var p = diff.pair()) {
            p.same("PING");
            admin.same("CONFIG", "SET", "requirepass", "");
            p.same("PING");
            p.same("AUTH", "x");
        }
    }

    private static void sameButId(Differential.Pair p, String... args) throws IOException {
        String redis = Differential.show(p.redisClient().call(args)).replaceAll("id\\\\r\\\\n:[0-9]+", "id:N");
        String weft = Differential.show(p.weftClient().call(args)).replaceAll("id\\\\r\\\\n:[0-9]+", "id:N");
        org.assertj.core.api.Assertions.assertThat(weft).as("reply to %s", String.join(" ", args)).isEqualTo(redis);
    }
}
