package io.weft.server.redis;

import io.weft.codec.resp.RespLimits;
import io.weft.transport.Engine;
import java.time.Duration;

/**
 * Everything {@code weft serve} can be told, with Redis's defaults where Redis has the setting. Immutable;
 * CONFIG SET makes a changed copy with the {@code with} methods.
 *
 * @param bind              address to listen on (Redis {@code bind})
 * @param port              TCP port, 0 for any free one
 * @param engine            which engine serves connections
 * @param loops             event loops for the loop engine (ignored by the virtual-thread engine)
 * @param databases         number of databases for SELECT (Redis {@code databases})
 * @param maxClients        most concurrent clients; the next gets Redis's "max number of clients" error
 * @param timeout           close clients idle this long; zero disables (Redis {@code timeout}, seconds)
 * @param requirePass       the password AUTH must give, or null for none (Redis {@code requirepass})
 * @param protectedMode     refuse non-loopback clients while no password is set (Redis {@code protected-mode})
 * @param limits            request limits: bulk length, multibulk length, inline size
 * @param pubsubOutputLimit a subscriber with more output than this waiting is disconnected
 * @param outputLimit       any client with more output than this waiting is disconnected
 * @param hz                active-expiry rounds per second (Redis {@code hz})
 * @param reusePort         share the port with other processes (SO_REUSEPORT)
 * @param idlePoll          how long an event loop that ran out of work keeps polling before it sleeps
 *                          (zero: sleep at once); ignored by the virtual-thread engine
 */
public record RedisConfig(String bind, int port, Engine engine, int loops, int databases, int maxClients,
                          Duration timeout, String requirePass, boolean protectedMode, RespLimits limits,
                          long pubsubOutputLimit, long outputLimit, int hz, boolean reusePort,
                          Duration idlePoll) {

    public static final int DEFAULT_PORT = 6379;
    public static final Duration DEFAULT_IDLE_POLL = Duration.ofNanos(Engine.DEFAULT_IDLE_POLL_MICROS * 1000);

    /** Redis 7.0's defaults, on loopback port 6379 and the event-loop engine. */
    public static RedisConfig defaults() {
        return new RedisConfig("127.0.0.1", DEFAULT_PORT, Engine.LOOP, Runtime.getRuntime().availableProcessors(),
                16, 10_000, Duration.ZERO, null, true, RespLimits.DEFAULT, 32L * 1024 * 1024,
                1L << 40, 10, false, DEFAULT_IDLE_POLL);
    }

    public RedisConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (databases < 1) {
            throw new IllegalArgumentException("databases must be at least 1, was " + databases);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxclients must be at least 1, was " + maxClients);
        }
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be at least 1, was " + loops);
        }
        if (idlePoll.isNegative()) {
            throw new IllegalArgumentException("idle poll time must not be negative");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        if (hz < 1 || hz > 500) {
            throw new IllegalArgumentException("hz must be 1-500, was " + hz);
        }
        if (pubsubOutputLimit <= 0 || outputLimit <= 0) {
            throw new IllegalArgumentException("output limits must be positive");
        }
        if (requirePass != null && requirePass.isEmpty()) {
            requirePass = null;
        }
    }

    public RedisConfig withBind(String value) {
        return new RedisConfig(value, port, engine, loops, databases, maxClients, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withPort(int value) {
        return new RedisConfig(bind, value, engine, loops, databases, maxClients, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withEngine(Engine value) {
        return new RedisConfig(bind, port, value, loops, databases, maxClients, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withLoops(int value) {
        return new RedisConfig(bind, port, engine, value, databases, maxClients, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withDatabases(int value) {
        return new RedisConfig(bind, port, engine, loops, value, maxClients, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withMaxClients(int value) {
        return new RedisConfig(bind, port, engine, loops, databases, value, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withTimeout(Duration value) {
        return new RedisConfig(bind, port, engine, loops, databases, maxClients, value, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withRequirePass(String value) {
        return new RedisConfig(bind, port, engine, loops, databases, maxClients, timeout, value,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withProtectedMode(boolean value) {
        return new RedisConfig(bind, port, engine, loops, databases, maxClients, timeout, requirePass,
                value, limits, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withLimits(RespLimits value) {
        return new RedisConfig(bind, port, engine, loops, databases, maxClients, timeout, requirePass,
                protectedMode, value, pubsubOutputLimit, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withPubsubOutputLimit(long value) {
        return new RedisConfig(bind, port, engine, loops, databases, maxClients, timeout, requirePass,
                protectedMode, limits, value, outputLimit, hz, reusePort, idlePoll);
    }

    public RedisConfig withOutputLimit(long value) {
        return new RedisConfig(bind, port, engine, loops, databases, maxClients, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, value, hz, reusePort, idlePoll);
    }

    public RedisConfig withHz(int value) {
        return new RedisConfig(bind, port, engine, loops, databases, maxClients, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, value, reusePort, idlePoll);
    }

    public RedisConfig withReusePort(boolean value) {
        return new RedisConfig(bind, port, engine, loops, databases, maxClients, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, value, idlePoll);
    }

    public RedisConfig withIdlePoll(Duration value) {
        return new RedisConfig(bind, port, engine, loops, databases, maxClients, timeout, requirePass,
                protectedMode, limits, pubsubOutputLimit, outputLimit, hz, reusePort, value);
    }
}
