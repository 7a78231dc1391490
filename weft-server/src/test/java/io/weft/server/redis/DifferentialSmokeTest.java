package io.weft.server.redis;

import org.junit.jupiter.api.Test;

/** The dispatcher's own behaviour, compared with Redis: lookup, arity, unknown commands, pipelining. */
class DifferentialSmokeTest extends EngineDifferential {


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
