package io.weft.server.redis.commands;

import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.ServerState;
import io.weft.server.redis.keyspace.Database;
import io.weft.server.redis.keyspace.Keyspace;
import io.weft.server.redis.keyspace.KeyspaceStats;
import io.weft.transport.ListenerStats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The lines of each INFO section, with Redis 7.0's field names in Redis's order. Only fields Weft can fill
 * truthfully are written (plus the fixed values of features Weft lacks, such as {@code aof_enabled:0}), so
 * a tool that reads a field either finds a real value or finds nothing.
 */
final class InfoSections {

    private InfoSections() {
    }

    static void server(Client c, StringBuilder out) {
        ServerState server = c.server();
        long now = System.currentTimeMillis();
        long uptime = (now - server.startedAt()) / 1000;
        field(out, "redis_version", ServerState.REDIS_VERSION);
        field(out, "redis_git_sha1", "00000000");
        field(out, "redis_git_dirty", 0);
        field(out, "redis_mode", "standalone");
        field(out, "os", SystemMetrics.os());
        field(out, "arch_bits", System.getProperty("sun.arch.data.model", "64"));
        field(out, "multiplexing_api", SystemMetrics.multiplexingApi());
        field(out, "process_id", ProcessHandle.current().pid());
        field(out, "process_supervised", "no");
        field(out, "run_id", server.runId());
        field(out, "tcp_port", server.config().port());
        Instant instant = Instant.now();
        field(out, "server_time_usec", instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000);
        field(out, "uptime_in_seconds", uptime);
        field(out, "uptime_in_days", uptime / 86_400);
        field(out, "hz", server.config().hz());
        field(out, "configured_hz", server.config().hz());
        // Redis's LRU clock: seconds, in 24 bits.
        field(out, "lru_clock", (now / 1000) & ((1 << 24) - 1));
        field(out, "executable", ProcessHandle.current().info().command().orElse(""));
        field(out, "config_file", server.configFile());
        field(out, "io_threads_active", 0);
    }

    static void clients(Client c, StringBuilder out) {
        field(out, "connected_clients", c.server().clients().size());
        field(out, "cluster_connections", 0);
        field(out, "maxclients", c.server().config().maxClients());
        field(out, "blocked_clients", 0);
        field(out, "tracking_clients", 0);
    }

    /** Memory as the JVM sees it: used_memory is heap in use, used_memory_rss the process's resident set. */
    static void memory(Client c, StringBuilder out) {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long rss = SystemMetrics.residentBytes();
        long peak = Math.max(used, heapPeak());
        long total = SystemMetrics.totalSystemBytes();
        field(out, "used_memory", used);
        field(out, "used_memory_human", human(used));
        if (rss > 0) {
            field(out, "used_memory_rss", rss);
            field(out, "used_memory_rss_human", human(rss));
        }
        field(out, "used_memory_peak", peak);
        field(out, "used_memory_peak_human", human(peak));
        if (total > 0) {
            field(out, "total_system_memory", total);
            field(out, "total_system_memory_human", human(total));
        }
        field(out, "maxmemory", 0);
        field(out, "maxmemory_human", "0B");
        field(out, "maxmemory_policy", "noeviction");
        field(out, "mem_allocator", "jvm");
    }

    static void persistence(Client c, StringBuilder out) {
        field(out, "loading", 0);
        field(out, "async_loading", 0);
        field(out, "rdb_bgsave_in_progress", 0);
        field(out, "rdb_last_save_time", c.server().startedAt() / 1000);
        field(out, "rdb_last_bgsave_status", "ok");
        field(out, "aof_enabled", 0);
        field(out, "aof_rewrite_in_progress", 0);
        field(out, "aof_last_write_status", "ok");
    }

    /** Counters since start or the last CONFIG RESETSTAT; connections and bytes come from the listener. */
    static void stats(Client c, StringBuilder out) {
        ServerState server = c.server();
        ListenerStats net = server.listenerStatsSinceReset();
        KeyspaceStats keys = server.keyspace().stats();
        field(out, "total_connections_received", net == null ? 0 : net.accepted());
        field(out, "total_commands_processed", server.stats().commandsProcessed.sum());
        field(out, "total_net_input_bytes", net == null ? 0 : net.bytesIn());
        field(out, "total_net_output_bytes", net == null ? 0 : net.bytesOut());
        field(out, "rejected_connections", net == null ? 0 : net.rejected());
        field(out, "expired_keys", keys.expired());
        field(out, "evicted_keys", 0);
        field(out, "keyspace_hits", keys.hits());
        field(out, "keyspace_misses", keys.misses());
        field(out, "pubsub_channels", server.pubsub().channelCount());
        field(out, "pubsub_patterns", server.pubsub().patternCount());
        field(out, "total_error_replies", server.stats().errorReplies.sum());
        // Subscribers cut for exceeding pubsub-output-limit, under the name Redis 7.2 gave this counter.
        field(out, "client_output_buffer_limit_disconnections", server.stats().pubsubSlowDisconnects.sum());
    }

    static void replication(Client c, StringBuilder out) {
        field(out, "role", "master");
        field(out, "connected_slaves", 0);
        field(out, "master_failover_state", "no-failover");
        field(out, "master_replid", c.server().runId());
        field(out, "master_replid2", "0".repeat(40));
        field(out, "master_repl_offset", 0);
        field(out, "second_repl_offset", -1);
        field(out, "repl_backlog_active", 0);
        field(out, "repl_backlog_size", 1_048_576);
        field(out, "repl_backlog_first_byte_offset", 0);
        field(out, "repl_backlog_histlen", 0);
    }

    static void cpu(Client c, StringBuilder out) {
        long[] ticks = SystemMetrics.cpuTicks();
        field(out, "used_cpu_sys", seconds(ticks[1]));
        field(out, "used_cpu_user", seconds(ticks[0]));
        field(out, "used_cpu_sys_children", "0.000000");
        field(out, "used_cpu_user_children", "0.000000");
    }

    static void errorstats(Client c, StringBuilder out) {
        for (Map.Entry<String, Long> e : c.server().stats().errorCodes().entrySet()) {
            out.append("errorstat_").append(e.getKey()).append(":count=").append(e.getValue()).append("\r\n");
        }
    }

    static void cluster(Client c, StringBuilder out) {
        field(out, "cluster_enabled", 0);
    }

    /** {@code db0:keys=N,expires=M,avg_ttl=0} for each database holding keys. Runs with every stripe locked. */
    static void keyspace(Client c, StringBuilder out) {
        Keyspace keyspace = c.server().keyspace();
        for (int i = 0; i < keyspace.databaseCount(); i++) {
            Database db = keyspace.database(i);
            long keys = db.size();
            if (keys > 0) {
                out.append("db").append(i).append(":keys=").append(keys).append(",expires=")
                        .append(db.volatileKeys()).append(",avg_ttl=0\r\n");
            }
        }
    }

    /** Redis's {@code bytesToHuman}: B below 1 KiB, then K, M, G, T, P with two decimals. */
    static String human(long bytes) {
        String units = "KMGTP";
        if (bytes < 1024) {
            return bytes + "B";
        }
        double value = bytes;
        for (int i = 0; i < units.length(); i++) {
            value /= 1024;
            if (value < 1024 || i == units.length() - 1) {
                return String.format(Locale.ROOT, "%.2f%c", value, units.charAt(i));
            }
        }
        return bytes + "B";
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Clock ticks (Linux's USER_HZ, 100 a second) as Redis's "%ld.%06ld" seconds. */
    private static String seconds(long ticks) {
        long micros = TimeUnit.MILLISECONDS.toMicros(ticks * 10);
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append(name).append(':').append(value).append("\r\n");
    }
}
