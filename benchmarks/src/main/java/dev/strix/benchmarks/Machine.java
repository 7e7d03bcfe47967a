package dev.strix.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The machine a benchmark ran on, as BENCHMARKS.md records it: CPU, cores, the load averages when it ran (other
 * processes on a shared machine make the numbers noisy), the JVM and the date.
 *
 * @param cpu the CPU model name
 * @param cores processors the JVM sees (the thread count both engines use)
 * @param loadAverage the 1, 5 and 15 minute load averages, or "unknown"
 * @param jvm the Java runtime
 * @param utc when, in UTC
 */
public record Machine(String cpu, int cores, String loadAverage, String jvm, String utc) {

    /** This machine, now. */
    public static Machine current() {
        return new Machine(cpuName(readLines(Path.of("/proc/cpuinfo"))), Runtime.getRuntime().availableProcessors(),
                loadAverage(readLines(Path.of("/proc/loadavg"))),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                        .format(Instant.now()));
    }

    /** The load averages now (they change while a benchmark runs, so it records them beside each model). */
    public static String currentLoad() {
        return loadAverage(readLines(Path.of("/proc/loadavg")));
    }

    /** The "model name" line of /proc/cpuinfo, or the OS architecture when there is none. */
    static String cpuName(List<String> cpuinfo) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (line.startsWith("model name") && colon > 0) {
                return line.substring(colon + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    /** The first three fields of /proc/loadavg ("0.52 0.58 0.59 1/467 12345"), or "unknown". */
    static String loadAverage(List<String> loadavg) {
        Optional<String> first = loadavg.stream().findFirst();
        if (first.isEmpty()) {
            return "unknown";
        }
        String[] f = first.get().trim().split("\\s+");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
