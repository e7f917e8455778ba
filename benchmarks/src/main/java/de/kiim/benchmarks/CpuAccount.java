package de.kiim.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) spent by each part of the system between two readings, from Linux's {@code /proc}:
 * the command service, the query service, every PostgreSQL process, and the benchmark's own load generator. On a
 * machine where all of them share the cores, this says where a command's cost goes, which throughput alone hides.
 * Each service's share also shows how much of it was the JIT compiler's threads: a service started for a benchmark
 * is still compiling its hot paths for minutes, which a long-running deployment has long finished.
 */
final class CpuAccount {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

    private final BenchSystem system;
    private final Map<String, Double> start;
    private final Map<String, Double> startJit;

    private CpuAccount(BenchSystem system) {
        this.system = system;
        this.start = read();
        this.startJit = readJit();
    }

    static CpuAccount start(BenchSystem system) {
        return new CpuAccount(system);
    }

    /** CPU milliseconds per operation for each part, since the start, for {@code operations} operations. */
    Map<String, Double> perOperation(long operations) {
        Map<String, Double> now = read();
        Map<String, Double> result = new LinkedHashMap<>();
        now.forEach((part, seconds) -> result.put(
                part, Load.round((seconds - start.getOrDefault(part, 0.0)) * 1000 / Math.max(1, operations))));
        result.put(
                "total",
                Load.round(result.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum()));
        Map<String, Double> jit = readJit();
        jit.forEach((part, seconds) -> result.put(
                part + "_of_which_jit",
                Load.round((seconds - startJit.getOrDefault(part, 0.0)) * 1000 / Math.max(1, operations))));
        return result;
    }

    private Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("command_service", cpuSeconds(system.command.pid()));
        seconds.put("query_service", cpuSeconds(system.query.pid()));
        seconds.put("postgresql", postgresCpuSeconds());
        seconds.put("load_generator", cpuSeconds(ProcessHandle.current().pid()));
        return seconds;
    }

    private Map<String, Double> readJit() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("command_service", jitCpuSeconds(system.command.pid()));
        seconds.put("query_service", jitCpuSeconds(system.query.pid()));
        return seconds;
    }

    /** The JVM's compiler threads are named "C1 CompilerThreadN" and "C2 CompilerThreadN" (cut to 15 characters). */
    private static double jitCpuSeconds(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.filter(thread -> comm(thread).matches("C[12] CompilerThre.*"))
                    .mapToDouble(thread -> cpuSeconds(thread.resolve("stat")))
                    .sum();
        } catch (IOException gone) {
            return 0;
        }
    }

    private static double postgresCpuSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> "postgres".equals(comm(dir)))
                    .mapToDouble(
                            dir -> cpuSeconds(Long.parseLong(dir.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    private static double cpuSeconds(long pid) {
        return cpuSeconds(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** Fields 14 and 15 of a /proc stat file, counted after the command name, which may contain spaces. */
    private static double cpuSeconds(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
