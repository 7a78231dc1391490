package io.weft.server.redis;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.keyspace.Entry;
import io.weft.server.redis.keyspace.Keyspace;
import io.weft.transport.Engine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A base for differential test cases that run once per engine: JUnit runs every subclass once for each
 * {@link Engine}, with a {@link Differential} (real Redis beside Weft on that engine) started for the
 * run and flushed before each test.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineDifferential {

    @Parameter
    private Engine engine;

    protected Differential diff;

    Engine engine() {
        return engine;
    }

    @BeforeParameterizedClassInvocation
    void startServers() throws Exception {
        diff = Differential.start(engine());
    }

    @AfterParameterizedClassInvocation
    void stopServers() throws Exception {
        diff.close();
    }

    @BeforeEach
    void flushServers() throws Exception {
        diff.flushBoth();
    }

    /**
     * Puts a value that is not a string under {@code key} in Weft, holding the key's stripe as a command
     * would: the stand-in for a list or hash until Weft has those types. Pair it with a real one in Redis.
     */
    protected void putNonStringInWeft(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        Keyspace keyspace = diff.weft().state().keyspace();
        long stripe = Keyspace.stripeBit(RespRequest.hash(bytes));
        keyspace.lock(stripe);
        try {
            keyspace.database(0).put(bytes, List.of("x"), Entry.PERSISTENT, System.currentTimeMillis());
        } finally {
            keyspace.unlock(stripe);
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
