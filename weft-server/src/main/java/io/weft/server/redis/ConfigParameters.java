package io.weft.server.redis;

import static io.weft.server.redis.ConfigParameter.Mutability.AT_START;
import static io.weft.server.redis.ConfigParameter.Mutability.IMMUTABLE;
import static io.weft.server.redis.ConfigParameter.Mutability.RUNTIME;

import io.weft.codec.resp.RespLimits;
import io.weft.codec.resp.RespNumbers;
import io.weft.server.redis.ConfigParameter.Mutability;
import io.weft.transport.Engine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Every setting CONFIG GET/SET, the configuration file and {@code weft serve}'s flags know: one declarative
 * table, so the three agree on names, parsing and error texts.
 *
 * <p>Values are parsed by Redis's rules and refused with Redis's reasons: integers as {@code string2ll}
 * reads them, memory sizes with Redis's units ({@code k} is 1000, {@code kb} 1024, and so on up to
 * {@code gb}), booleans as {@code yes} or {@code no}.
 */
public final class ConfigParameters {

    private static final long MIB = 1024 * 1024;

    private static final List<ConfigParameter> ALL = List.of(
            // Redis settings Weft applies while running.
            integer("timeout", RUNTIME, 0, Integer.MAX_VALUE, c -> c.timeout().toSeconds(),
                    (c, v) -> c.withTimeout(Duration.ofSeconds(v))),
            new ConfigParameter("requirepass", RUNTIME, c -> c.requirePass() == null ? "" : c.requirePass(),
                    RedisConfig::withRequirePass),
            yesNo("protected-mode", RUNTIME, RedisConfig::protectedMode, RedisConfig::withProtectedMode),
            // Redis clamps hz into 1-500 instead of refusing values outside it.
            integer("hz", RUNTIME, 0, Integer.MAX_VALUE, RedisConfig::hz,
                    (c, v) -> c.withHz((int) Math.clamp(v, 1, 500))),
            // The request limits apply to connections made after the change.
            memory("proto-max-bulk-len", RUNTIME, MIB, Long.MAX_VALUE, c -> c.limits().maxBulkLength(),
                    (c, v) -> c.withLimits(new RespLimits(v, c.limits().maxMultibulkLength(),
                            c.limits().maxInlineLength()))),
            // Redis settings Weft fixes when it starts listening.
            integer("port", AT_START, 0, 65535, RedisConfig::port, (c, v) -> c.withPort((int) v)),
            new ConfigParameter("bind", AT_START, RedisConfig::bind, ConfigParameters::bind),
            integer("maxclients", AT_START, 1, 4294967295L, RedisConfig::maxClients,
                    (c, v) -> c.withMaxClients((int) Math.min(v, Integer.MAX_VALUE))),
            integer("databases", IMMUTABLE, 1, Integer.MAX_VALUE, RedisConfig::databases,
                    (c, v) -> c.withDatabases((int) v)),
            // Weft keeps no files and evicts nothing: these take only the value that says so.
            fixed("appendonly", "no", "Weft keeps no append-only file; only 'no' is accepted"),
            fixed("save", "", "Weft saves no snapshots; only \"\" is accepted"),
            fixed("maxmemory", "0", "Weft sets no memory limit; only 0 is accepted"),
            fixed("maxmemory-policy", "noeviction", "Weft evicts nothing; only 'noeviction' is accepted"),
            // Weft's own settings.
            new ConfigParameter("engine", AT_START, c -> c.engine().toString(), ConfigParameters::engine),
            integer("loops", AT_START, 1, 4096, RedisConfig::loops, (c, v) -> c.withLoops((int) v)),
            integer("idle-poll-us", AT_START, 0, Engine.MAX_IDLE_POLL_MICROS, c -> c.idlePoll().toNanos() / 1000,
                    (c, v) -> c.withIdlePoll(Duration.ofNanos(v * 1000))),
            integer("max-multibulk-len", RUNTIME, 1, Integer.MAX_VALUE, c -> c.limits().maxMultibulkLength(),
                    (c, v) -> c.withLimits(new RespLimits(c.limits().maxBulkLength(), (int) v,
                            c.limits().maxInlineLength()))),
            memory("max-inline-size", RUNTIME, 1, Integer.MAX_VALUE, c -> c.limits().maxInlineLength(),
                    (c, v) -> c.withLimits(new RespLimits(c.limits().maxBulkLength(),
                            c.limits().maxMultibulkLength(), (int) v))),
            memory("pubsub-output-limit", AT_START, 1, Long.MAX_VALUE, RedisConfig::pubsubOutputLimit,
                    RedisConfig::withPubsubOutputLimit));

    private static final Map<String, ConfigParameter> BY_NAME = new LinkedHashMap<>();

    static {
        for (ConfigParameter p : ALL) {
            BY_NAME.put(p.name(), p);
        }
    }

    private ConfigParameters() {
    }

    /** Every setting, in the table's order. */
    public static List<ConfigParameter> all() {
        return ALL;
    }

    /** The setting named {@code name}, ignoring ASCII case, or null. */
    public static ConfigParameter find(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** An integer by Redis's {@code string2ll} rules: no '+', spaces or leading zeros. */
    public static long parseInteger(String value) throws ConfigValueException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (!RespNumbers.isLong(bytes)) {
            throw new ConfigValueException("argument couldn't be parsed into an integer");
        }
        return RespNumbers.toLong(bytes);
    }

    /** A byte count with Redis's optional unit: b, k (1000), kb (1024), m, mb, g, gb, in any case. */
    public static long parseMemory(String value) throws ConfigValueException {
        int digits = 0;
        while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
            digits++;
        }
        long unit = switch (value.substring(digits).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "k" -> 1000;
            case "kb" -> 1024;
            case "m" -> 1000 * 1000;
            case "mb" -> 1024 * 1024;
            case "g" -> 1000L * 1000 * 1000;
            case "gb" -> 1024L * 1024 * 1024;
            default -> 0;
        };
        if (digits == 0 || digits > 19 || unit == 0) {
            throw new ConfigValueException("argument must be a memory value");
        }
        try {
            return Math.multiplyExact(Long.parseLong(value.substring(0, digits)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ConfigValueException("argument must be a memory value");
        }
    }

    private static ConfigParameter integer(String name, Mutability mutability, long min, long max,
                                           ToLongFunction<RedisConfig> get, LongSetter set) {
        return new ConfigParameter(name, mutability, c -> Long.toString(get.applyAsLong(c)),
                (c, text) -> set.apply(c, inRange(parseInteger(text), min, max)));
    }

    private static ConfigParameter memory(String name, Mutability mutability, long min, long max,
                                          ToLongFunction<RedisConfig> get, LongSetter set) {
        return new ConfigParameter(name, mutability, c -> Long.toString(get.applyAsLong(c)),
                (c, text) -> set.apply(c, inRange(parseMemory(text), min, max)));
    }

    private static ConfigParameter yesNo(String name, Mutability mutability, Predicate<RedisConfig> get,
                                         BooleanSetter set) {
        return new ConfigParameter(name, mutability, c -> get.test(c) ? "yes" : "no", (c, text) -> {
            if (text.equalsIgnoreCase("yes")) {
                return set.apply(c, true);
            }
            if (text.equalsIgnoreCase("no")) {
                return set.apply(c, false);
            }
            throw new ConfigValueException("argument must be 'yes' or 'no'");
        });
    }

    /** A Redis setting for a feature Weft lacks: it reads as the value that means "off" and takes only that. */
    private static ConfigParameter fixed(String name, String value, String reason) {
        Function<RedisConfig, String> get = c -> value;
        return new ConfigParameter(name, Mutability.RUNTIME, get, (c, text) -> {
            if (!text.trim().equalsIgnoreCase(value)) {
                throw new ConfigValueException(reason);
            }
            return c;
        });
    }

    private static long inRange(long value, long min, long max) throws ConfigValueException {
        if (value < min || value > max) {
            throw new ConfigValueException("argument must be between " + min + " and " + max + " inclusive");
        }
        return value;
    }

    /** One address; "*" means every IPv4 interface and a leading "-" (Redis's "if it exists") is dropped. */
    private static RedisConfig bind(RedisConfig c, String value) throws ConfigValueException {
        String[] addresses = value.trim().split("\\s+");
        if (addresses.length != 1 || addresses[0].isEmpty()) {
            throw new ConfigValueException("Weft listens on one address; give exactly one");
        }
        String address = addresses[0].startsWith("-") ? addresses[0].substring(1) : addresses[0];
        return c.withBind(address.equals("*") ? "0.0.0.0" : address);
    }

    private static RedisConfig engine(RedisConfig c, String value) throws ConfigValueException {
        try {
            return c.withEngine(Engine.parse(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException("argument must be 'loop' or 'vthread'");
        }
    }

    @FunctionalInterface
    private interface LongSetter {
        RedisConfig apply(RedisConfig config, long value) throws ConfigValueException;
    }

    @FunctionalInterface
    private interface BooleanSetter {
        RedisConfig apply(RedisConfig config, boolean value) throws ConfigValueException;
    }
}
