package io.weft.server.redis.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What INFO reports about the process and machine, read from Linux's {@code /proc}. Elsewhere, or if a file
 * cannot be read, the numbers are 0 and INFO leaves out the fields that need them.
 */
final class SystemMetrics {

    private SystemMetrics() {
    }

    /** "Linux 6.8.0-45-generic x86_64", as Redis prints {@code uname}. */
    static String os() {
        String arch = System.getProperty("os.arch", "");
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + (arch.equals("amd64") ? "x86_64" : arch);
    }

    /** The kernel's event API the JDK's selector (and virtual-thread poller) runs on. */
    static String multiplexingApi() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return "epoll";
        }
        return os.contains("mac") || os.contains("bsd") ? "kqueue" : "select";
    }

    /** The process's resident set in bytes (VmRSS), or 0. */
    static long residentBytes() {
        return kilobytesField(Path.of("/proc/self/status"), "VmRSS:") * 1024;
    }

    /** Physical memory in bytes (MemTotal), or 0. */
    static long totalSystemBytes() {
        return kilobytesField(Path.of("/proc/meminfo"), "MemTotal:") * 1024;
    }

    /** User and system CPU time of the process in clock ticks, {utime, stime}, or zeros. */
    static long[] cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) may hold spaces; fields after its ')' start at field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long kilobytesField(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
