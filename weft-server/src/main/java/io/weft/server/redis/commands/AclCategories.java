package io.weft.server.redis.commands;

import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ACL categories COMMAND INFO and COMMAND LIST FILTERBY ACLCAT report, derived as Redis derives most of
 * them: {@code read}/{@code write} from the flags, {@code fast} or else {@code slow}, {@code admin} and
 * {@code dangerous} for admin commands, and the data type's category from the group. Redis also marks some
 * commands by hand (FLUSHALL is {@code keyspace} and {@code dangerous}); Weft does not.
 */
final class AclCategories {

    /** Redis's categories, in the order it lists them. */
    private static final List<String> ORDER = List.of("keyspace", "read", "write", "set", "sortedset", "list",
            "hash", "string", "bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow",
            "blocking", "dangerous", "connection", "transaction", "scripting");

    private static final Map<String, String> BY_GROUP = Map.ofEntries(
            Map.entry("generic", "keyspace"), Map.entry("string", "string"), Map.entry("list", "list"),
            Map.entry("hash", "hash"), Map.entry("set", "set"), Map.entry("sorted-set", "sortedset"),
            Map.entry("bitmap", "bitmap"), Map.entry("hyperloglog", "hyperloglog"), Map.entry("geo", "geo"),
            Map.entry("stream", "stream"), Map.entry("pubsub", "pubsub"), Map.entry("connection", "connection"),
            Map.entry("transactions", "transaction"), Map.entry("scripting", "scripting"));

    private AclCategories() {
    }

    /** The categories of {@code spec}, without the '@', in Redis's order. */
    static List<String> of(CommandSpec spec) {
        List<String> found = new ArrayList<>();
        // A container is only a name for its subcommands; Redis gives it just "slow".
        boolean container = spec.body() == null;
        String byGroup = container ? null : BY_GROUP.get(spec.group());
        for (String category : ORDER) {
            boolean in = switch (category) {
                case "read" -> spec.has(Flag.READONLY);
                case "write" -> spec.has(Flag.WRITE);
                case "pubsub" -> spec.has(Flag.PUBSUB) || category.equals(byGroup);
                case "admin", "dangerous" -> spec.has(Flag.ADMIN);
                case "fast" -> spec.has(Flag.FAST);
                case "slow" -> !spec.has(Flag.FAST);
                default -> category.equals(byGroup);
            };
            if (in) {
                found.add(category);
            }
        }
        return found;
    }
}
