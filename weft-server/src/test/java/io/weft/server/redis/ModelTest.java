package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.transport.Engine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random operations against Weft and against a model written here, a map of strings. Every reply must be
 * what the model predicts. The seed is fixed per engine, so a failure replays exactly.
 */
class ModelTest {

    private static final int OPERATIONS = 20_000;
    private static final int KEYS = 24;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void randomOperationsAgreeWithTheModel(Engine engine) throws Exception {
        RedisServer server = RedisServer.start(RedisConfig.defaults().withPort(0).withEngine(engine).withLoops(2));
        Random random = new Random(engine.ordinal() * 31L + 7);
        Map<String, String> model = new HashMap<>();
        try (RespClient c = new RespClient(server.address())) {
            for (int op = 0; op < OPERATIONS; op++) {
                String key = "k" + random.nextInt(KEYS);
                String other = "k" + random.nextInt(KEYS);
                String value = random.nextInt(4) == 0 ? Integer.toString(random.nextInt(2000) - 1000)
                        : "v" + random.nextInt(100);
                step(c, model, random.nextInt(12), key, other, value, op);
            }
            assertThat(reply(c, "DBSIZE")).isEqualTo(":" + model.size() + "\r\n");
            StringBuilder keys = new StringBuilder();
            TreeSet<String> sorted = new TreeSet<>(model.keySet());
            for (String k : sorted) {
                assertThat(reply(c, "GET", k)).as("final value of %s", k).isEqualTo(bulk(model.get(k)));
                keys.append(k).append(' ');
            }
        } finally {
            server.shutdown(Duration.ofSeconds(1));
        }
    }

    private static void step(RespClient c, Map<String, String> model, int kind, String key, String other,
                             String value, int op) throws Exception {
        String current = model.get(key);
        String what = "op " + op + " kind " + kind + " on " + key;
        switch (kind) {
            case 0 -> {
                assertThat(reply(c, "SET", key, value)).as(what).isEqualTo("+OK\r\n");
                model.put(key, value);
            }
            case 1 -> assertThat(reply(c, "GET", key)).as(what).isEqualTo(bulk(current));
            case 2 -> {
                int n = (current != null ? 1 : 0) + (!other.equals(key) && model.containsKey(other) ? 1 : 0);
                assertThat(reply(c, "DEL", key, other)).as(what).isEqualTo(":" + n + "\r\n");
                model.remove(key);
                model.remove(other);
            }
            case 3 -> {
                String expected = current == null ? "0" : current;
                if (isLong(expected) && Long.parseLong(expected) + 1 <= Long.MAX_VALUE) {
                    long next = Long.parseLong(expected) + 1;
                    assertThat(reply(c, "INCR", key)).as(what).isEqualTo(":" + next + "\r\n");
                    model.put(key, Long.toString(next));
                } else {
                    assertThat(reply(c, "INCR", key)).as(what).isEqualTo("-ERR value is not an integer or out of range\r\n");
                }
            }
            case 4 -> {
                String next = (current == null ? "" : current) + value;
                assertThat(reply(c, "APPEND", key, value)).as(what).isEqualTo(":" + next.length() + "\r\n");
                model.put(key, next);
            }
            case 5 -> assertThat(reply(c, "EXISTS", key, other)).as(what)
                    .isEqualTo(":" + ((current != null ? 1 : 0) + (model.containsKey(other) ? 1 : 0)) + "\r\n");
            case 6 -> {
                assertThat(reply(c, "MSET", key, value, other, value + "!")).as(what).isEqualTo("+OK\r\n");
                model.put(key, value);
                model.put(other, value + "!");
            }
            case 7 -> assertThat(reply(c, "MGET", key, other)).as(what)
                    .isEqualTo("*2\r\n" + bulk(model.get(key)) + bulk(model.get(other)));
            case 8 -> {
                if (current == null) {
                    assertThat(reply(c, "RENAME", key, other)).as(what).isEqualTo("-ERR no such key\r\n");
                } else {
                    assertThat(reply(c, "RENAME", key, other)).as(what).isEqualTo("+OK\r\n");
                    model.remove(key);
                    model.put(other, current);
                }
            }
            case 9 -> assertThat(reply(c, "STRLEN", key)).as(what)
                    .isEqualTo(":" + (current == null ? 0 : current.length()) + "\r\n");
            case 10 -> {
                String got = reply(c, "GETDEL", key);
                assertThat(got).as(what).isEqualTo(bulk(current));
                model.remove(key);
            }
            default -> {
                boolean set = current == null;
                assertThat(reply(c, "SETNX", key, value)).as(what).isEqualTo(set ? ":1\r\n" : ":0\r\n");
                if (set) {
                    model.put(key, value);
                }
            }
        }
    }

    private static boolean isLong(String s) {
        try {
            Long.parseLong(s);
            return !s.startsWith("+") && !(s.length() > 1 && (s.startsWith("0") || s.startsWith("-0")));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String bulk(String value) {
        return value == null ? "$-1\r\n" : "$" + value.getBytes(StandardCharsets.UTF_8).length + "\r\n" + value + "\r\n";
    }

    private static String reply(RespClient c, String... args) throws Exception {
        return new String(c.call(args), StandardCharsets.UTF_8);
    }
}
