package de.kiim.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs benchmark scenarios and writes each result as JSON and Markdown under {@code benchmarks/results/}, with
 * the machine and PostgreSQL settings it ran on. Usage: {@code ./kiim bench <scenario>|all}.
 */
public final class Bench {

    private static final List<Scenario> SCENARIOS = List.of(
            AppendAndLatency.append(),
            AppendAndLatency.latency(),
            new Replay(),
            new Read(),
            new Growth(),
            new EncryptionCost(),
            new Import(),
            new Search());

    private Bench() {}

    public static void main(String[] args) throws Exception {
        String wanted = args.length == 0 ? "all" : args[0];
        List<Scenario> chosen = SCENARIOS.stream()
                .filter(scenario -> wanted.equals("all") || scenario.name().equals(wanted))
                .toList();
        if (chosen.isEmpty()) {
            System.err.println("unknown scenario " + wanted + "; known: all, "
                    + SCENARIOS.stream().map(Scenario::name).toList());
            System.exit(2);
        }
        Path results = Path.of(args.length > 1 ? args[1] : "benchmarks/results");
        Files.createDirectories(results);
        for (Scenario scenario : chosen) {
            System.out.println("[bench] " + scenario.name() + " ...");
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("scenario", scenario.name());
            report.put("started", Instant.now().toString());
            long start = System.nanoTime();
            try (BenchDatabase database = new BenchDatabase(scenario.name())) {
                report.put("machine", machine());
                report.put("postgresql", database.settings());
                report.put("results", scenario.run(database));
            }
            report.put("duration_s", Math.round((System.nanoTime() - start) / 1e9));
            write(results, scenario.name(), report);
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        machine.put("memory_gib", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        machine.put("java", System.getProperty("java.version"));
        machine.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return machine;
    }

    /** Query plans (name → lines) get a section of their own; other results fit in the table. */
    private static boolean isQueryPlans(Object value) {
        return value instanceof Map<?, ?> nested && nested.values().stream().allMatch(List.class::isInstance);
    }

    /** Only the latest run of a scenario is kept (its report says when it started); earlier ones are in git history. */
    @SuppressWarnings("unchecked")
    private static void write(Path directory, String scenario, Map<String, Object> report) throws Exception {
        var json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        Files.writeString(directory.resolve(scenario + "-latest.json"), json);
        StringBuilder markdown = new StringBuilder(
                "# " + scenario + " (" + report.get("started") + ")\n\n| result | value |\n|---|---|\n");
        ((Map<?, ?>) report.get("results")).forEach((key, value) -> {
            if (!isQueryPlans(value)) {
                markdown.append("| ").append(key).append(" | ").append(value).append(" |\n");
            }
        });
        ((Map<?, ?>) report.get("results")).forEach((key, value) -> {
            if (isQueryPlans(value) && value instanceof Map<?, ?> nested) {
                markdown.append("\n## ").append(key).append("\n");
                nested.forEach((name, lines) -> markdown.append("\n")
                        .append(name)
                        .append(":\n```\n")
                        .append(String.join("\n", (List<String>) lines))
                        .append("\n```\n"));
            }
        });
        markdown.append("\nRan ")
                .append(report.get("duration_s"))
                .append(" s on machine: ")
                .append(report.get("machine"))
                .append("  \nPostgreSQL: ")
                .append(report.get("postgresql"))
                .append('\n');
        Files.writeString(directory.resolve(scenario + "-latest.md"), markdown);
        System.out.println(markdown);
    }
}
