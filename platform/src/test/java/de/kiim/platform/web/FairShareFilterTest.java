package de.kiim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** One caller past its share of places is answered 429; the others are not held up by it. */
class FairShareFilterTest {

    private final FairShareFilter filter = new FairShareFilter(2, new ObjectMapper());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_caller_past_its_share_gets_429_while_another_caller_passes() throws Exception {
        var third = new MockHttpServletResponse();
        var other = new MockHttpServletResponse();
        signIn("batch-job");
        // Two requests of the batch job in flight (nested: the second runs while the first is being worked on) ...
        filter.doFilter(
                api(),
                new MockHttpServletResponse(),
                (request, response) -> filter.doFilter(api(), new MockHttpServletResponse(), (request2, response2) -> {
                    // ... a third of the same caller is refused, another caller's passes.
                    filter.doFilter(api(), third, new MockFilterChain());
                    signIn("caseworker");
                    filter.doFilter(api(), other, new MockFilterChain());
                    signIn("batch-job");
                }));

        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
        assertThat(third.getContentType()).isEqualTo("application/problem+json");
        assertThat(third.getContentAsString()).contains("\"status\":429").doesNotContain("batch-job");
        assertThat(other.getStatus()).isEqualTo(200);
        assertThat(filter.working("batch-job")).as("both places are free again").isZero();

        var later = new MockHttpServletResponse();
        filter.doFilter(api(), later, new MockFilterChain());
        assertThat(later.getStatus()).isEqualTo(200);
    }

    @Test
    void a_failing_request_gives_its_place_back() {
        signIn("batch-job");
        for (int i = 0; i < 3; i++) {
            try {
                filter.doFilter(api(), new MockHttpServletResponse(), (request, response) -> {
                    throw new IllegalStateException("handler failed");
                });
            } catch (Exception expected) {
                assertThat(expected).hasMessage("handler failed");
            }
        }
        assertThat(filter.working("batch-job")).isZero();
    }

    @Test
    void unauthenticated_requests_and_the_actuator_are_not_counted() throws Exception {
        var anonymous = new MockHttpServletResponse();
        filter.doFilter(api(), anonymous, new MockFilterChain());
        assertThat(anonymous.getStatus()).isEqualTo(200);

        signIn("scraper");
        var metrics = new MockHttpServletResponse[3];
        filter.doFilter(
                new MockHttpServletRequest("GET", "/actuator/prometheus"),
                new MockHttpServletResponse(),
                (request, response) -> {
                    for (int i = 0; i < metrics.length; i++) {
                        metrics[i] = new MockHttpServletResponse();
                        filter.doFilter(
                                new MockHttpServletRequest("GET", "/actuator/prometheus"),
                                metrics[i],
                                new MockFilterChain());
                    }
                });
        assertThat(metrics).extracting(MockHttpServletResponse::getStatus).containsOnly(200);
    }

    private static void signIn(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
    }

    private static MockHttpServletRequest api() {
        return new MockHttpServletRequest("POST", "/api/v1/persons");
    }
}
