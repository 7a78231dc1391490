package io.weft.server.redis;

import io.weft.transport.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher's own behaviour, compared with Redis: lookup, arity, unknown commands, pipelining. */
class DifferentialSmokeTest {

    private static Differential diff;

    @BeforeAll
    static void start() throws Exception {
        diff = Differential.start(Engine.LOOP);
    }

    @AfterAll
    static void stop() throws Exception {
        diff.close();
    }

    @BeforeEach
    void flush() throws Exception {
        diff.flushBoth();
    }

    @Test
    void dispatchErrorsMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("PING");
            p.same("ping", "hello");
            p.same("PING", "a", "b");
            p.same("EcHo", "x");
            p.same("ECHO");
            p.same("NOSUCH");
            p.same("NOSUCH", "a", "b");
            p.same("nosuch", "x".repeat(200), "y");
            p.same("GET");
            p.same("SET", "k", "v");
            p.same("GET", "k");
            p.same("DEL", "k", "k", "missing");
            p.same("GET", "k");
        }
    }

    @Test
    void inlineCommandsMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            p.sameRaw("PING\r\n");
            p.sameRaw("SET a \"hello world\"\r\n");
            p.sameRaw("GET a\n");
        }
    }
}
