package de.kiim.benchmarks;

import de.kiim.testsupport.ApiClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a service's used heap from its Prometheus endpoint twice a second and keeps the maximum. */
final class HeapSampler implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong maxBytes = new AtomicLong();

    HeapSampler(ApiClient service) {
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        long used = service.get("/actuator/prometheus", "abh")
                                .body()
                                .lines()
                                .filter(line ->
                                        line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                                .sum();
                        maxBytes.accumulateAndGet(used, Math::max);
                    } catch (RuntimeException e) {
                        // a missed sample is no result
                    }
                },
                0,
                500,
                TimeUnit.MILLISECONDS);
    }

    long maxMiB() {
        return maxBytes.get() / (1024 * 1024);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
