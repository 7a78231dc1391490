package io.weft.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typed per-connection attributes. The map is created on first use, so connections that never set one
 * pay one null field.
 */
public final class Attributes {

    /** A typed attribute name; compare by identity, so declare each key once as a constant. */
    public static final class Key<T> {
        private final String name;

        private Key(String name) {
            this.name = name;
        }

        public static <T> Key<T> of(String name) {
            return new Key<>(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private volatile Map<Key<?>, Object> values;

    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        Map<Key<?>, Object> map = values;
        return map == null ? null : (T) map.get(key);
    }

    public <T> void set(Key<T> key, T value) {
        Map<Key<?>, Object> map = values;
        if (map == null) {
            synchronized (this) {
                map = values;
                if (map == null) {
                    map = new ConcurrentHashMap<>(4);
                    values = map;
                }
            }
        }
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
