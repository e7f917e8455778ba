package de.kiim.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost guard of the API (after the correlation id): bounds how many API requests an instance works on at
 * once, and answers 503 with {@code Retry-After} both past that bound and when a failure the database caused
 * escapes the filters behind it (the idempotency filter, for instance, reads before any controller runs).
 * <p>
 * A request beyond {@code kiim.web.max-concurrent-requests} waits at most {@code kiim.web.admission-wait} for a
 * place, then is answered at once, so overload shows as fast 503s rather than as latency growing without bound.
 * Health and the other actuator endpoints are not counted: a load balancer must still hear from an instance that
 * is full.
 */
public class AdmissionFilter extends OncePerRequestFilter {

    /** Past the bound the service is busy, not broken: a client may send again in a second. */
    static final int BUSY_RETRY_AFTER_SECONDS = 1;

    static final String BUSY = "The service is busy with other requests; send the request again shortly.";

    private final Semaphore places;
    private final long waitNanos;
    private final ObjectMapper json;

    public AdmissionFilter(int maxConcurrentRequests, Duration wait, ObjectMapper json) {
        this.places = new Semaphore(maxConcurrentRequests);
        this.waitNanos = wait.toNanos();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.getRequestURI().startsWith("/api/")) {
            answered(request, response, chain);
            return;
        }
        boolean admitted;
        try {
            admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            ServiceUnavailable.write(response, json, BUSY_RETRY_AFTER_SECONDS, BUSY);
            return;
        }
        try {
            answered(request, response, chain);
        } finally {
            places.release();
        }
    }

    private void answered(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (!ServiceUnavailable.isDatabaseUnavailable(failure) || response.isCommitted()) {
                throw failure;
            }
            ServiceUnavailable.writeDatabaseUnavailable(failure, response, json);
        }
    }
}
