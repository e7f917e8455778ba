package de.kiim.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code growth}: append throughput and timeline latency with the event store empty (a small population), at 1 M
 * and at 5 M events, and the plans of Axon's event-store queries at 5 M (they must use indexes).
 */
final class Growth implements Scenario {

    private static final long[] SIZES = {0, 1_000_000, 5_000_000};
    private static final int CLIENTS = 4;

    @Override
    public String name() {
        return "growth";
    }

    @Override
    public Map<String, Object> run(BenchDatabase database) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        try (BenchSystem system = new BenchSystem(database)) {
            Population population = Population.record(system.commands(), 100, 8, 5);
            String heavy = Read.heavyPerson(system, 200);
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource(4));
            var fill = new EventFill(jdbc);
            long originals = fill.events();
            double first = 0;
            for (long size : SIZES) {
                String label = size == 0 ? "empty" : (size / 1_000_000) + "m";
                // Every size is measured the same way, with the query service freshly started: it is stopped for
                // the fill, and a freshly started JVM compiling its hot paths on the shared cores would otherwise
                // make the larger sizes look slower than the empty store.
                long fillStart = System.nanoTime();
                system.query.stop();
                if (size > 0) {
                    fill.growTo(size, originals, true);
                    fill.advanceProjectionsToHead();
                    results.put("fill_s_" + label, Load.round((System.nanoTime() - fillStart) / 1e9));
                }
                system.query = system.start("query-service");
                results.put("events_" + label, fill.events());
                double appends = Load.closedLoop(
                        CLIENTS,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(15),
                        (client, i) -> Population.move(
                                system.commands(),
                                population.personIds.get(
                                        (int) ((client + (long) CLIENTS * i) % population.personIds.size())),
                                "15085370"));
                first = size == 0 ? appends : first;
                results.put("append_per_s_" + label, Load.round(appends));
                results.put("append_ratio_" + label + "_vs_empty", Load.round(appends / first));
                Histogram timeline = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
                Load.closedLoop(1, Duration.ofSeconds(1), Duration.ofSeconds(10), (client, i) -> {
                    long start = System.nanoTime();
                    system.queries().get("/api/v1/persons/" + heavy + "/timeline", "abh");
                    timeline.recordValue((System.nanoTime() - start) / 1000);
                });
                results.putAll(Load.percentiles("timeline_" + label, timeline));
            }
            results.put("plans_at_5m", plans(jdbc, heavy));
        }
        return results;
    }

    /** EXPLAIN of the queries Axon's JDBC storage engine and token store run, with parameters of a live system. */
    private static Map<String, List<String>> plans(JdbcTemplate jdbc, String person) {
        long head = jdbc.queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put(
                "stream from a token (batch window)",
                "select * from event_store.domain_event_entry "
                        + "where global_index > " + (head - 1000) + " and global_index <= " + (head + 100)
                        + " order by global_index asc limit 100");
        queries.put(
                "gaps of a token",
                "select * from event_store.domain_event_entry where global_index in (" + (head - 500) + ", "
                        + (head - 300) + ", " + (head - 7) + ") order by global_index asc");
        queries.put("head token", "select max(global_index) from event_store.domain_event_entry");
        queries.put("tail token", "select min(global_index) from event_store.domain_event_entry");
        queries.put(
                "load an aggregate",
                "select * from event_store.domain_event_entry where aggregate_identifier = '" + person
                        + "' and sequence_number >= 0 order by sequence_number asc");
        queries.put(
                "timeline of a person",
                "select * from query.timeline_entry where agency_id = '" + EventFill.TIMELINE_AGENCY
                        + "' and person_id = '" + person + "' order by sequence_number");
        Map<String, List<String>> plans = new LinkedHashMap<>();
        queries.forEach((name, sql) -> plans.put(
                name,
                new ArrayList<>(jdbc.queryForList(
                        "explain (analyze, costs off, timing off, summary off) " + sql, String.class))));
        return plans;
    }
}
