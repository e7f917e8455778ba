package de.kiim.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Load drivers: closed loop for throughput, open loop for latency without coordinated omission. */
final class Load {

    private Load() {}

    /** An operation a client runs; {@code client} tells clients apart so that each can own its data. */
    interface Operation {
        void run(int client, long iteration) throws Exception;
    }

    /**
     * Runs {@code clients} loops back to back for {@code warmUp} (not counted) and then {@code measure};
     * returns operations per second of the measured part.
     */
    static double closedLoop(int clients, Duration warmUp, Duration measure, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong counted = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Future<?>> work = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int c = client;
            work.add(pool.submit(() -> {
                long iteration = 0;
                while (System.nanoTime() < end) {
                    operation.run(c, iteration++);
                    if (System.nanoTime() >= measureFrom) {
                        counted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return counted.get() / (measure.toNanos() / 1e9);
    }

    /**
     * Starts operations at a fixed rate for {@code duration} whatever the system does, and records each latency
     * from the moment the operation was <em>due</em>, not when it could start: a stalled system is charged for the
     * requests that queued behind the stall (coordinated omission corrected).
     */
    static Histogram openLoop(double perSecond, Duration duration, int maxInFlight, Operation operation)
            throws Exception {
        Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        ExecutorService pool = Executors.newFixedThreadPool(maxInFlight);
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long total = (long) (duration.toNanos() / (double) interval);
        List<Future<?>> work = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long iteration = i;
            work.add(pool.submit(() -> {
                operation.run((int) (iteration % maxInFlight), iteration);
                latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return latencies;
    }

    /** The operation, counting every run (warm-up included) in {@code runs}. */
    static Operation counted(Operation operation, AtomicLong runs) {
        return (client, iteration) -> {
            operation.run(client, iteration);
            runs.incrementAndGet();
        };
    }

    /** p50, p95, p99, max in milliseconds. */
    static Map<String, Object> percentiles(String prefix, Histogram histogram) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (double percentile : new double[] {50, 95, 99}) {
            result.put(
                    prefix + "_p" + (int) percentile + "_ms",
                    round(histogram.getValueAtPercentile(percentile) / 1000.0));
        }
        result.put(prefix + "_max_ms", round(histogram.getMaxValue() / 1000.0));
        result.put(prefix + "_count", histogram.getTotalCount());
        return result;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static IntFunction<String> roundRobin(List<String> values) {
        return i -> values.get(Math.floorMod(i, values.size()));
    }
}
