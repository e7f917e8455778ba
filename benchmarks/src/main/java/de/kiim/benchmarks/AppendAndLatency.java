package de.kiim.benchmarks;

import de.kiim.events.person.PersonMovedWithinDistrict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * {@code append}: commands per second through the REST API (one event per command, encryption on), closed loop
 * with {@value #CLIENTS} clients, against raw single-row INSERT + COMMIT with the same row sizes and threads.
 * {@code latency}: open loop at half the measured API peak: command latency (coordinated omission corrected)
 * against raw inserts at the same rate, and freshness — from a command's acknowledgement until its entry shows in
 * the timeline. Both services' heap is sampled throughout.
 */
final class AppendAndLatency implements Scenario {

    static final int CLIENTS = 8;
    private static final int PERSONS = 200;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(20);

    private final String name;

    private AppendAndLatency(String name) {
        this.name = name;
    }

    static AppendAndLatency append() {
        return new AppendAndLatency("append");
    }

    static AppendAndLatency latency() {
        return new AppendAndLatency("latency");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> run(BenchDatabase database) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        try (BenchSystem system = new BenchSystem(database)) {
            Population population = Population.record(system.commands(), PERSONS, CLIENTS, 42);
            results.put("population_persons", PERSONS);
            results.put("population_events", population.events);
            List<String> persons = population.personIds;
            var raw = RawInsert.likeStoredEvents(
                    database.dataSource(CLIENTS + 2), PersonMovedWithinDistrict.class.getName());

            // In the closed loop each client moves only its own persons (client + k * CLIENTS): throughput, not
            // conflicts, is measured.
            AtomicLong commandsSent = new AtomicLong();
            AtomicLong rowsInserted = new AtomicLong();
            Load.Operation command = Load.counted(
                    (client, i) -> Population.move(
                            system.commands(),
                            persons.get((int) ((client + (long) CLIENTS * i) % PERSONS)),
                            i % 2 == 0 ? "15085370" : "15085235"),
                    commandsSent);
            Load.Operation insert = Load.counted((client, i) -> raw.insertOne("raw-" + client, i), rowsInserted);

            double api;
            double baseline;
            try (var commandHeap = new HeapSampler(system.commands());
                    var queryHeap = new HeapSampler(system.queries())) {
                double api1 = Load.closedLoop(CLIENTS, WARM_UP, MEASURE, command);
                double raw1 = Load.closedLoop(CLIENTS, WARM_UP, MEASURE, offset(insert, 0));
                CpuAccount rawCpu = CpuAccount.start(system);
                long rowsBefore = rowsInserted.get();
                double raw2 = Load.closedLoop(CLIENTS, WARM_UP, MEASURE, offset(insert, 5_000_000L));
                results.put("cpu_ms_per_raw_insert", rawCpu.perOperation(rowsInserted.get() - rowsBefore));
                CpuAccount apiCpu = CpuAccount.start(system);
                long commandsBefore = commandsSent.get();
                double api2 = Load.closedLoop(CLIENTS, WARM_UP, MEASURE, command);
                results.put("cpu_ms_per_command", apiCpu.perOperation(commandsSent.get() - commandsBefore));
                api = (api1 + api2) / 2;
                baseline = (raw1 + raw2) / 2;
                results.put("append_commands_per_s", Load.round(api));
                results.put("raw_insert_per_s", Load.round(baseline));
                results.put("append_ratio", Load.round(api / baseline));
                results.put("clients", CLIENTS);
                results.put("heap_max_mib_command_service", commandHeap.maxMiB());
                results.put("heap_max_mib_query_service", queryHeap.maxMiB());
            }
            if (name.equals("latency")) {
                double rate = api / 2;
                results.put("open_loop_rate_per_s", Load.round(rate));
                Histogram freshness = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
                String probe = Population.register(system.commands(), 99_999);
                Thread prober = new Thread(() -> probeFreshness(system, probe, freshness));
                prober.start();
                Histogram commands = Load.openLoop(rate, MEASURE, 64, command);
                prober.interrupt();
                prober.join();
                Histogram inserts = Load.openLoop(rate, MEASURE, 64, offset(insert, 9_000_000L));
                results.putAll(Load.percentiles("command", commands));
                results.putAll(Load.percentiles("raw_insert", inserts));
                results.putAll(Load.percentiles("freshness", freshness));
                double limit = 3 * inserts.getValueAtPercentile(99) / 1000.0 + 10;
                results.put("command_p99_limit_ms", Load.round(limit));
                Charts.latency(
                        Path.of("benchmarks", "results", "latency-latest.svg"),
                        Map.of("command", commands, "raw insert", inserts, "freshness", freshness));
            }
        }
        return results;
    }

    private static Load.Operation offset(Load.Operation insert, long by) {
        return (client, i) -> insert.run(client, i + by);
    }

    /** Every 250 ms: one move of the probe person, then poll its timeline until the entry appears. */
    private static void probeFreshness(BenchSystem system, String probe, Histogram freshness) {
        int expected = 1;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Population.move(system.commands(), probe, expected % 2 == 0 ? "15085370" : "15085235");
                long acknowledged = System.nanoTime();
                expected++;
                while (system.queries()
                                .get("/api/v1/persons/" + probe + "/timeline", "abh")
                                .json()
                                .size()
                        < expected) {
                    Thread.sleep(5);
                }
                freshness.recordValue((System.nanoTime() - acknowledged) / 1000);
                Thread.sleep(250);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }
}
