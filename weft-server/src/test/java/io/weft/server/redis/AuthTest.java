package io.weft.server.redis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A password set with CONFIG SET requirepass, on Redis and Weft alike: NOAUTH before AUTH, AUTH and HELLO
 * AUTH right and wrong, RESET forgetting the login, and connections made before the change staying in.
 */
class AuthTest extends EngineDifferential {

    private Differential.Pair admin;

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
            p.sameButClientId("HELLO", "3", "AUTH", "default", "secret", "SETNAME", "app");
            p.same("CLIENT", "GETNAME");
            p.same("PING");
            p.sameButClientId("HELLO", "2", "AUTH", "default", "secret", "SETNAME", "");
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
}
