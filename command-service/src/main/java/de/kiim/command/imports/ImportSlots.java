package de.kiim.command.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.platform.web.ServiceUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code kiim.imports.max-concurrent} imports run on an instance at once. An import holds a request thread
 * and, chunk after chunk, a pooled connection for as long as its file streams in; without a bound, a few agencies
 * uploading at once would leave nothing for the single registrations and reads. Another import is answered 503
 * with {@code Retry-After} at once, before its file is read (runs after authentication).
 */
@Component
class ImportSlots extends OncePerRequestFilter {

    /** An import takes seconds to minutes: a client sends its file again a little later. */
    static final int RETRY_AFTER_SECONDS = 30;

    private final Semaphore slots;
    private final ObjectMapper json;

    ImportSlots(@Value("${kiim.imports.max-concurrent:2}") int maxConcurrent, ObjectMapper json) {
        this.slots = new Semaphore(maxConcurrent);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getMethod().equals("POST") || !request.getRequestURI().equals("/api/v1/imports");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!slots.tryAcquire()) {
            ServiceUnavailable.write(
                    response,
                    json,
                    RETRY_AFTER_SECONDS,
                    "As many imports as this service runs at once are running; send the file again later.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }
}
