package de.kiim.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One caller's share of the places {@link AdmissionFilter} hands out: an authenticated user or agency system works
 * on at most {@code kiim.web.max-concurrent-requests-per-user} API requests at once, and is answered 429 with
 * {@code Retry-After} past it, so that one agency's runaway batch job cannot take every place and turn the other
 * agencies' requests into 503s. Runs after authentication (it needs the caller), so the count is of requests that
 * passed the sign-in check; unauthenticated floods are the sign-in throttle's.
 */
public class FairShareFilter extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 1;
    static final URI TYPE = URI.create("urn:kiim:problem:too-many-requests");
    static final String DETAIL =
            "Too many of your requests are being worked on at once; wait for their answers " + "before sending more.";

    private final int perCaller;
    private final ObjectMapper json;
    private final ConcurrentMap<String, Integer> working = new ConcurrentHashMap<>();

    public FairShareFilter(int perCaller, ObjectMapper json) {
        if (perCaller < 1) {
            throw new IllegalArgumentException("kiim.web.max-concurrent-requests-per-user must be at least 1");
        }
        this.perCaller = perCaller;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!request.getRequestURI().startsWith("/api/") || caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String name = caller.getName();
        if (!admitted(name)) {
            tooMany(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            // The entry goes when its last request ends, so the map holds only callers with requests in flight.
            working.computeIfPresent(name, (who, count) -> count == 1 ? null : count - 1);
        }
    }

    private boolean admitted(String name) {
        boolean[] admitted = {false};
        working.compute(name, (who, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < perCaller;
            return admitted[0] ? now + 1 : count;
        });
        return admitted[0];
    }

    /** Requests of {@code name} being worked on now. */
    int working(String name) {
        return working.getOrDefault(name, 0);
    }

    private void tooMany(HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, DETAIL);
        problem.setType(TYPE);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
