package de.kiim.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * {@code read}: latency of the timeline and the person card of a person with 200 events, read back to back by
 * one client while events for other persons are appended at half the peak rate ({@value #WRITERS} clients, closed
 * loop, measured first), the load the latency scenario uses too. At the peak itself every request queues for the
 * saturated cores; that is reported as well.
 */
final class Read implements Scenario {

    static final int WRITERS = 4;
    private static final Duration MEASURE = Duration.ofSeconds(15);

    @Override
    public String name() {
        return "read";
    }

    @Override
    public Map<String, Object> run(BenchDatabase database) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        try (BenchSystem system = new BenchSystem(database)) {
            Population population = Population.record(system.commands(), 100, 8, 11);
            String heavy = heavyPerson(system, 200);
            results.put("person_events", 200);

            Histogram timeline = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
            Histogram card = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
            var persons = population.personIds;
            Load.Operation move = (client, i) -> Population.move(
                    system.commands(),
                    persons.get((int) ((client + (long) WRITERS * i) % persons.size())),
                    i % 2 == 0 ? "15085370" : "15085235");
            double peak = Load.closedLoop(WRITERS, Duration.ofSeconds(3), Duration.ofSeconds(10), move);
            results.put("peak_appends_per_s", Load.round(peak));
            results.put("concurrent_appends_per_s", Load.round(peak / 2));
            // Not measured: the services were just started, and their JIT compiles the read path during the first
            // tens of seconds of reading, on the same two cores; without this, whichever phase comes first pays.
            readWhile(
                    system,
                    heavy,
                    () -> Load.openLoop(peak / 2, MEASURE.plusSeconds(2), 64, move),
                    new Histogram(TimeUnit.MINUTES.toMicros(1), 3),
                    new Histogram(TimeUnit.MINUTES.toMicros(1), 3));
            readWhile(system, heavy, () -> Load.openLoop(peak / 2, MEASURE.plusSeconds(2), 64, move), timeline, card);
            results.putAll(Load.percentiles("timeline", timeline));
            results.putAll(Load.percentiles("card", card));

            Histogram timelineAtPeak = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
            Histogram cardAtPeak = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
            readWhile(
                    system,
                    heavy,
                    () -> Load.closedLoop(WRITERS, Duration.ZERO, MEASURE.plusSeconds(2), move),
                    timelineAtPeak,
                    cardAtPeak);
            results.putAll(Load.percentiles("timeline_at_peak", timelineAtPeak));
            results.putAll(Load.percentiles("card_at_peak", cardAtPeak));

            // Unloaded: what one counselor opening a file sees on an idle system (the projections caught up).
            Thread.sleep(5000);
            Histogram timelineUnloaded = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
            Histogram cardUnloaded = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
            readWhile(system, heavy, () -> null, timelineUnloaded, cardUnloaded);
            results.putAll(Load.percentiles("timeline_unloaded", timelineUnloaded));
            results.putAll(Load.percentiles("card_unloaded", cardUnloaded));
        }
        return results;
    }

    /** One client reads timeline and card alternately for the measured time while {@code appends} runs. */
    private static void readWhile(
            BenchSystem system, String heavy, Callable<?> appends, Histogram timeline, Histogram card)
            throws Exception {
        Thread writers = new Thread(() -> {
            try {
                appends.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writers.start();
        Load.closedLoop(1, Duration.ofSeconds(1), MEASURE, (client, i) -> {
            long start = System.nanoTime();
            if (i % 2 == 0) {
                require(system.queries()
                        .get("/api/v1/persons/" + heavy + "/timeline", "abh")
                        .status());
                timeline.recordValue((System.nanoTime() - start) / 1000);
            } else {
                require(system.queries().get("/api/v1/persons/" + heavy, "abh").status());
                card.recordValue((System.nanoTime() - start) / 1000);
            }
        });
        writers.join();
    }

    /** A person with {@code events} events in all, once the timeline shows every one of them. */
    static String heavyPerson(BenchSystem system, int events) throws InterruptedException {
        String personId = Population.register(system.commands(), 77_777);
        for (int move = 1; move < events; move++) {
            Population.move(system.commands(), personId, move % 2 == 0 ? "15085370" : "15085235");
        }
        while (system.queries()
                        .get("/api/v1/persons/" + personId + "/timeline", "abh")
                        .json()
                        .size()
                < events) {
            Thread.sleep(100);
        }
        return personId;
    }

    private static void require(int status) {
        if (status != 200) {
            throw new IllegalStateException("read answered HTTP " + status);
        }
    }
}
