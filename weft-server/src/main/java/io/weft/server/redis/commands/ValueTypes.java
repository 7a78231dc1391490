package io.weft.server.redis.commands;

/**
 * What the generic key commands need to know about a stored value without knowing its data type: its
 * TYPE name (also SCAN's TYPE filter) and a deep copy for COPY.
 *
 * <p>Strings are plain {@code byte[]}. A new data type either gets a case here or has its value class
 * implement {@link Typed}; nothing else in the key commands changes.
 */
public final class ValueTypes {

    /** Implemented by value classes of data types other than strings. */
    public interface Typed {

        /** The name TYPE replies with, lower case: {@code "list"}, {@code "hash"}, ... */
        String typeName();

        /** An independent copy for COPY: changing either value afterwards must not change the other. */
        Object deepCopy();
    }

    /** TYPE's reply for a missing key. */
    public static final String NONE = "none";

    private ValueTypes() {
    }

    /** The type name of a stored value, or {@link #NONE} for null. */
    public static String typeName(Object value) {
        return switch (value) {
            case null -> NONE;
            case byte[] ignored -> "string";
            case Typed typed -> typed.typeName();
            default -> throw new IllegalStateException("value of unknown type " + value.getClass().getName());
        };
    }

    /** A copy of a stored value that shares nothing mutable with it. */
    public static Object deepCopy(Object value) {
        return switch (value) {
            // Strings may be changed in place (APPEND, SETRANGE), so even they are copied.
            case byte[] bytes -> bytes.clone();
            case Typed typed -> typed.deepCopy();
            default -> throw new IllegalStateException("value of unknown type " + value.getClass().getName());
        };
    }
}
