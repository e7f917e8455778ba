package de.kiim.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Past {@code kiim.imports.max-concurrent} running imports, another is refused at once with 503 and Retry-After. */
class ImportSlotsTest {

    private final ImportSlots slots = new ImportSlots(1, new ObjectMapper());

    @Test
    void a_second_import_while_one_runs_is_503_and_single_registrations_pass() throws Exception {
        AtomicReference<MockHttpServletResponse> second = new AtomicReference<>(new MockHttpServletResponse());
        AtomicReference<MockHttpServletResponse> registration = new AtomicReference<>(new MockHttpServletResponse());
        slots.doFilter(request("/api/v1/imports"), new MockHttpServletResponse(), (request, response) -> {
            // While the first import runs:
            slots.doFilter(request("/api/v1/imports"), second.get(), new MockFilterChain());
            slots.doFilter(request("/api/v1/persons"), registration.get(), new MockFilterChain());
        });
        assertThat(second.get().getStatus()).isEqualTo(503);
        assertThat(second.get().getHeader("Retry-After")).isEqualTo(Integer.toString(ImportSlots.RETRY_AFTER_SECONDS));
        assertThat(second.get().getContentType()).isEqualTo("application/problem+json");
        assertThat(registration.get().getStatus()).isEqualTo(200);

        var afterwards = new MockHttpServletResponse();
        slots.doFilter(request("/api/v1/imports"), afterwards, new MockFilterChain());
        assertThat(afterwards.getStatus()).as("the slot is free again").isEqualTo(200);
    }

    private static MockHttpServletRequest request(String path) {
        return new MockHttpServletRequest("POST", path);
    }
}
