package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * INFO compared with Redis on both engines: the same sections in the same order, only Redis's field names
 * in Redis's order, and the same values where both servers count the same things.
 */
class InfoCommandTest extends EngineDifferential {

    @Test
    void defaultSectionsAndFieldNamesAreRedisOnes() throws Exception {
        try (var p = diff.pair()) {
            for (String[] command : new String[][] {{"INFO"}, {"INFO", "default"}, {"info", "ALL"}}) {
                Map<String, List<String>> redis = Reports.infoFields(Reports.text(p.redisClient().call(command)));
                Map<String, List<String>> weft = Reports.infoFields(Reports.text(p.weftClient().call(command)));
                List<String> redisSections = new ArrayList<>(redis.keySet());
                // Weft keeps no per-command statistics.
                redisSections.removeAll(List.of("Commandstats", "Latencystats"));
                assertThat(weft.keySet()).as(String.join(" ", command)).containsExactlyElementsOf(redisSections);
                weft.forEach((section, all) -> {
                    List<String> fields = new ArrayList<>(all);
                    // Weft's one addition, a Redis 7.2 field: subscribers cut at their output limit.
                    fields.remove("client_output_buffer_limit_disconnections");
                    List<String> redisOrder = new ArrayList<>(redis.get(section));
                    redisOrder.retainAll(fields);
                    assertThat(fields).as("fields of %s, in Redis's order", section).isEqualTo(redisOrder);
                });
            }
        }
    }

    @Test
    void everySupportedFieldIsPresent() throws Exception {
        try (var p = diff.pair()) {
            Map<String, List<String>> weft = Reports.infoFields(Reports.text(p.weftClient().call("INFO")));
            assertThat(weft.get("Server")).contains("redis_version", "redis_mode", "os", "arch_bits", "process_id",
                    "run_id", "tcp_port", "uptime_in_seconds", "uptime_in_days", "hz", "executable", "config_file");
            assertThat(weft.get("Clients")).contains("connected_clients", "blocked_clients", "maxclients");
            assertThat(weft.get("Memory")).contains("used_memory", "used_memory_human", "used_memory_rss",
                    "maxmemory");
            assertThat(weft.get("Stats")).contains("total_connections_received", "total_commands_processed",
                    "rejected_connections", "expired_keys", "keyspace_hits", "keyspace_misses", "pubsub_channels",
                    "pubsub_patterns", "total_net_input_bytes", "total_net_output_bytes", "total_error_replies");
        }
    }

    @Test
    void serverFieldsDescribeThisServer() throws Exception {
        try (var p = diff.pair()) {
            String info = Reports.text(p.weftClient().call("INFO", "server", "clients", "memory"));
            assertThat(Reports.infoValue(info, "redis_version")).isEqualTo("7.0.15");
            assertThat(Reports.infoValue(info, "tcp_port"))
                    .isEqualTo(Integer.toString(diff.weft().address().getPort()));
            assertThat(Reports.infoValue(info, "process_id"))
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(Long.parseLong(Reports.infoValue(info, "connected_clients"))).isPositive();
            assertThat(Reports.infoValue(info, "maxclients")).isEqualTo("10000");
            assertThat(Long.parseLong(Reports.infoValue(info, "used_memory"))).isPositive();
            assertThat(Reports.infoValue(info, "used_memory_human")).matches("[0-9.]+[BKMGTP]");
        }
    }

    @Test
    void keyspaceSectionMatchesRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("INFO", "keyspace");
            p.same("SET", "a", "1");
            p.same("SET", "b", "2");
            p.same("SELECT", "3");
            p.same("SET", "c", "3");
            p.same("INFO", "keyspace");
            p.same("INFO", "KEYSPACE", "nosuch");
            p.same("INFO", "nosuch");
            p.both("HELLO", "3");
            p.same("INFO", "keyspace");
            p.same("INFO", "nosuch");
        }
    }

    @Test
    void countersMatchRedisAfterResetstat() throws Exception {
        try (var p = diff.pair()) {
            p.same("CONFIG", "RESETSTAT");
            p.same("SET", "k", "v");
            p.same("GET", "k");
            p.same("GET", "k");
            p.same("GET", "missing");
            p.same("NOSUCH");
            p.same("GET");
            p.same("SELECT", "x");
            p.same("HELLO", "9");
            p.same("INFO", "errorstats");
            String redis = Reports.text(p.redisClient().call("INFO", "stats"));
            String weft = Reports.text(p.weftClient().call("INFO", "stats"));
            for (String field : List.of("total_connections_received", "total_commands_processed", "keyspace_hits",
                    "keyspace_misses", "expired_keys", "total_error_replies", "rejected_connections")) {
                assertThat(Reports.infoValue(weft, field)).as(field).isEqualTo(Reports.infoValue(redis, field));
            }
            assertThat(Long.parseLong(Reports.infoValue(weft, "total_net_input_bytes"))).isPositive();
            assertThat(Long.parseLong(Reports.infoValue(weft, "total_net_output_bytes"))).isPositive();
            p.same("CONFIG", "RESETSTAT");
            p.same("INFO", "errorstats");
        }
    }
}
