package io.weft.server.redis;

import java.util.function.Function;

/**
 * One setting as CONFIG GET, CONFIG SET, the configuration file and {@code weft serve}'s flags name it.
 *
 * @param name       lower case, as Redis spells it ({@code proto-max-bulk-len})
 * @param mutability when it may change
 * @param getter     the value as CONFIG GET shows it
 * @param setter     a copy of a configuration with the value parsed from text
 */
public record ConfigParameter(String name, Mutability mutability, Function<RedisConfig, String> getter,
                              Setter setter) {

    /** When a setting may change. */
    public enum Mutability {
        /** CONFIG SET applies it at once (some settings only to connections made afterwards; see README). */
        RUNTIME,
        /** Fixed once the server listens; CONFIG SET accepts only the current value. Redis could change it. */
        AT_START,
        /** Fixed once the server listens, in Redis too: CONFIG SET always refuses it, with Redis's words. */
        IMMUTABLE
    }

    /** Parses a value and returns the changed configuration, or says why the value cannot be used. */
    @FunctionalInterface
    public interface Setter {
        RedisConfig apply(RedisConfig config, String value) throws ConfigValueException;
    }

    public String get(RedisConfig config) {
        return getter.apply(config);
    }

    /** {@code config} with this setting parsed from {@code value}; the configuration's own checks included. */
    public RedisConfig set(RedisConfig config, String value) throws ConfigValueException {
        try {
            return setter.apply(config, value);
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException(e.getMessage());
        }
    }
}
