package io.weft.server.redis;

/**
 * A configuration value that cannot be used. The message is the reason alone, worded as Redis words it
 * ("argument must be 'yes' or 'no'"), so CONFIG SET and the configuration file can each add their own
 * context around it.
 */
public final class ConfigValueException extends Exception {

    public ConfigValueException(String reason) {
        super(reason, null, false, false);
    }
}
