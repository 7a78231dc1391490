package io.weft.server.redis.core;

import io.weft.codec.resp.RespRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every command the server knows, looked up by name without allocating: the request's first argument is
 * hashed case-insensitively and probed in an open-addressing array. Subcommands (CONFIG GET, CLIENT LIST)
 * live in small tables of their own under their container.
 */
public final class CommandTable {

    private final Map<String, CommandSpec> byName = new LinkedHashMap<>();
    private final Slot[] slots;
    private final Map<CommandSpec, CommandTable> subtables = new LinkedHashMap<>();

    private record Slot(byte[] name, int hash, CommandSpec spec) {
    }

    public CommandTable(Collection<CommandSpec> specs) {
        for (CommandSpec spec : specs) {
            if (byName.putIfAbsent(spec.shortName(), spec) != null) {
                throw new IllegalArgumentException("command listed twice: " + spec.name());
            }
            if (!spec.subcommands().isEmpty()) {
                subtables.put(spec, new CommandTable(spec.subcommands()));
            }
        }
        slots = new Slot[Integer.highestOneBit(Math.max(4, byName.size() * 4))];
        for (CommandSpec spec : byName.values()) {
            byte[] name = spec.shortName().getBytes(StandardCharsets.US_ASCII);
            int hash = lowerHash(name);
            int i = hash & (slots.length - 1);
            while (slots[i] != null) {
                i = (i + 1) & (slots.length - 1);
            }
            slots[i] = new Slot(name, hash, spec);
        }
    }

    /** The command named by argument {@code arg} of {@code request}, ignoring case, or null. */
    public CommandSpec lookup(RespRequest request, int arg) {
        int length = request.argLength(arg);
        int hash = 0;
        for (int k = 0; k < length; k++) {
            hash = 31 * hash + lower(request.argByte(arg, k));
        }
        hash = spread(hash);
        for (int i = hash & (slots.length - 1); slots[i] != null; i = (i + 1) & (slots.length - 1)) {
            Slot slot = slots[i];
            if (slot.hash == hash && request.argEqualsIgnoreCase(arg, slot.name)) {
                return slot.spec;
            }
        }
        return null;
    }

    public CommandSpec get(String name) {
        return byName.get(name);
    }

    /** The subcommands of a container, as a table. */
    public CommandTable subtable(CommandSpec container) {
        return subtables.get(container);
    }

    public Collection<CommandSpec> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public int size() {
        return byName.size();
    }

    /** Every command and subcommand, flattened. */
    public List<CommandSpec> allWithSubcommands() {
        List<CommandSpec> all = new ArrayList<>();
        for (CommandSpec spec : byName.values()) {
            all.add(spec);
            all.addAll(spec.subcommands());
        }
        return all;
    }

    private static int lowerHash(byte[] name) {
        int hash = 0;
        for (byte b : name) {
            hash = 31 * hash + lower(b);
        }
        return spread(hash);
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
