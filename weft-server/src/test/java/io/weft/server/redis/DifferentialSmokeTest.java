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

    /**
     * A long pipeline in one write, as redis-benchmark -P and mass loaders send: Weft parses such runs
     * ahead to warm its cache for their keys, which must not change a single reply, across databases,
     * transactions, errors and inline commands.
     */
    @Test
    void aPipelineInOneWriteMatchesRedisReplyForReply() throws Exception {
        StringBuilder raw = new StringBuilder();
        int commands = 0;
        for (int i = 0; i < 40; i++) {
            String key = "key:" + i;
            raw.append(multibulk("SET", key, "v" + i)).append(multibulk("GET", key));
            commands += 2;
            if (i % 7 == 0) {
                raw.append(multibulk("SELECT", String.valueOf(i % 3))).append(multibulk("GET", "key:" + (i / 2)));
                commands += 2;
            }
            if (i % 11 == 0) {
                raw.append(multibulk("MULTI")).append(multibulk("INCR", "n")).append(multibulk("GET", key))
                        .append(multibulk("EXEC"));
                commands += 4;
            }
            if (i % 13 == 0) {
                raw.append(multibulk("MSET", "a" + i, "1", "b" + i, "2")).append(multibulk("MGET", "a" + i, "b" + i, key))
                        .append(multibulk("GET")).append(multibulk("NOSUCH", key)).append("GET " + key + "\r\n")
                        .append(multibulk("RESET")).append(multibulk("SELECT", "99"));
                commands += 7;
            }
        }
        raw.append(multibulk("DBSIZE")).append(multibulk("SELECT", "1")).append(multibulk("DBSIZE"));
        commands += 3;
        try (var p = diff.pair()) {
            byte[] bytes = raw.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            p.redisClient().sendRaw(bytes);
            p.weftClient().sendRaw(bytes);
            for (int i = 0; i < commands; i++) {
                p.sameNext();
            }
        }
    }

    @Test
    void aProtocolErrorAfterAPipelineComesAfterEveryReplyBeforeIt() throws Exception {
        String raw = multibulk("SET", "a", "1") + multibulk("GET", "a") + multibulk("INCR", "a") + "*1\r\n$x\r\n"
                + multibulk("SET", "never", "1");
        try (var p = diff.pair()) {
            p.sameRaw(raw);
            p.sameNext();
            p.sameNext();
            p.sameNext();
        }
        try (var p = diff.pair()) {
            p.same("EXISTS", "never");
        }
    }

    private static String multibulk(String... args) {
        StringBuilder out = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            out.append('$').append(arg.length()).append("\r\n").append(arg).append("\r\n");
        }
        return out.toString();
    }
}
