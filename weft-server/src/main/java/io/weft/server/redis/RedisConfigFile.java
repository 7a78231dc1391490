package io.weft.server.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a configuration file in Redis's {@code redis.conf} syntax: one directive per line, a name and its
 * arguments separated by spaces, {@code #} comments, and arguments quoted as Redis quotes them
 * ({@code requirepass "two words"}, {@code save ""}). Names are those of {@link ConfigParameters}; later
 * lines override earlier ones.
 *
 * <p>A directive Weft does not know is an error, not silently skipped: a file written for Redis that relies
 * on something Weft lacks should say so before the server starts.
 */
public final class RedisConfigFile {

    /** Settings whose value Redis writes as several arguments ({@code save 3600 1}, {@code bind a b}). */
    private static final Set<String> LIST_VALUED = Set.of("save", "bind");

    private RedisConfigFile() {
    }

    /** {@code base} with every directive of the file at {@code path} applied in order. */
    public static RedisConfig load(Path path, RedisConfig base) throws IOException, ConfigFileException {
        return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString(), base);
    }

    /** {@code base} with every directive of {@code text} applied; {@code source} names it in errors. */
    public static RedisConfig parse(String text, String source, RedisConfig base) throws ConfigFileException {
        RedisConfig config = base;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            config = apply(config, line, source + " line " + (i + 1));
        }
        return config;
    }

    private static RedisConfig apply(RedisConfig config, String line, String where) throws ConfigFileException {
        List<String> args = splitArgs(line);
        if (args == null) {
            throw new ConfigFileException(where + ": '" + line + "': unbalanced quotes");
        }
        ConfigParameter parameter = ConfigParameters.find(args.get(0));
        boolean listValued = parameter != null && LIST_VALUED.contains(parameter.name());
        if (parameter == null || args.size() < 2 || (args.size() > 2 && !listValued)) {
            throw new ConfigFileException(where + ": '" + line + "': Bad directive or wrong number of arguments");
        }
        try {
            return parameter.set(config, String.join(" ", args.subList(1, args.size())));
        } catch (ConfigValueException e) {
            throw new ConfigFileException(where + ": '" + line + "': " + e.getMessage());
        }
    }

    /**
     * Splits a line as Redis's {@code sdssplitargs} does: words separated by spaces; "double quotes" with
     * {@code \n \r \t \b \a \\ \" \xHH} escapes; 'single quotes' with only {@code \'}. A closing quote must be
     * followed by a space or the end. Returns null for unbalanced quotes.
     */
    static List<String> splitArgs(String line) {
        List<String> args = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == line.length()) {
                return args;
            }
            StringBuilder arg = new StringBuilder();
            char quote = line.charAt(i) == '"' || line.charAt(i) == '\'' ? line.charAt(i) : 0;
            i = quote == 0 ? plainWord(line, i, arg) : quotedWord(line, i + 1, quote, arg);
            if (i < 0) {
                return null;
            }
            args.add(arg.toString());
        }
    }

    private static int plainWord(String line, int i, StringBuilder arg) {
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
            arg.append(line.charAt(i++));
        }
        return i;
    }

    /** Reads up to the closing quote; returns the index after it, or -1 when the quoting is broken. */
    private static int quotedWord(String line, int i, char quote, StringBuilder arg) {
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == quote) {
                boolean endsWord = i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1));
                return endsWord ? i + 1 : -1;
            }
            if (ch == '\\' && i + 1 < line.length()) {
                i = escape(line, i + 1, quote, arg);
            } else {
                arg.append(ch);
                i++;
            }
        }
        return -1;
    }

    /** Appends the escape starting after a backslash; returns the index after it. */
    private static int escape(String line, int i, char quote, StringBuilder arg) {
        char next = line.charAt(i);
        if (quote == '\'') {
            arg.append(next == '\'' ? "'" : "\\" + next);
            return i + 1;
        }
        if (next == 'x' && i + 2 < line.length() && isHex(line.charAt(i + 1)) && isHex(line.charAt(i + 2))) {
            arg.append((char) Integer.parseInt(line.substring(i + 1, i + 3), 16));
            return i + 3;
        }
        arg.append(switch (next) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> (char) 7;
            default -> next;
        });
        return i + 1;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** A line of a configuration file that cannot be used; the message names the file, line and reason. */
    public static final class ConfigFileException extends Exception {
        public ConfigFileException(String message) {
            super(message, null, false, false);
        }
    }
}
