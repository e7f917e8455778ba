package de.kiim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * Which failures mean "the database is away, try again" (503) rather than a bug (500), as the wrappings arrived when
 * DatabaseRestartTest restarted PostgreSQL under load; and the bound on requests worked on at once.
 */
class ServiceUnavailableTest {

    private static final PSQLException REFUSED = new PSQLException(
            "Connection to 127.0.0.1:5 refused.",
            PSQLState.CONNECTION_UNABLE_TO_CONNECT,
            new ConnectException("Connection refused"));
    private static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 2000ms.", "08001", REFUSED);

    @Test
    void the_wrappings_a_restart_produces_mean_unavailable() {
        // A command: Axon's transaction start cannot get a connection.
        assertThat(ServiceUnavailable.isDatabaseUnavailable(
                        new CannotCreateTransactionException("Could not open JDBC Connection", POOL_TIMEOUT)))
                .isTrue();
        // A read: JdbcTemplate cannot get a connection.
        assertThat(ServiceUnavailable.isDatabaseUnavailable(
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMEOUT)))
                .isTrue();
        // A statement in flight when the server shuts down.
        assertThat(ServiceUnavailable.isDatabaseUnavailable(new DataAccessResourceFailureException(
                        "select …",
                        new SQLException("FATAL: terminating connection due to administrator command", "57P01"))))
                .isTrue();
        // Wrapped again by Axon and by Spring Security.
        assertThat(ServiceUnavailable.isDatabaseUnavailable(new CommandExecutionException(
                        "failed",
                        new CannotCreateTransactionException("Could not open JDBC Connection", POOL_TIMEOUT))))
                .isTrue();
        assertThat(ServiceUnavailable.isDatabaseUnavailable(new InternalAuthenticationServiceException(
                        "directory",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMEOUT))))
                .isTrue();
        assertThat(ServiceUnavailable.isDatabaseUnavailable(
                        new RuntimeException(new SQLException("starting up", "57P03"))))
                .isTrue();
        // The commit broke on the shut-down connection, and the rollback after it found the connection closed.
        assertThat(ServiceUnavailable.isDatabaseUnavailable(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void our_own_bugs_and_data_errors_stay_what_they_are() {
        assertThat(ServiceUnavailable.isDatabaseUnavailable(new IllegalStateException("bug")))
                .isFalse();
        assertThat(ServiceUnavailable.isDatabaseUnavailable(
                        new DuplicateKeyException("duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(ServiceUnavailable.isDatabaseUnavailable(
                        new BadSqlGrammarException("select", "select x", new SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(ServiceUnavailable.isDatabaseUnavailable(new UnexpectedRollbackException("marked as rollback-only")))
                .isFalse();
        assertThat(ServiceUnavailable.isDatabaseUnavailable(new CommandExecutionException("rule", null)))
                .isFalse();
    }

    @Test
    void the_answer_is_a_503_problem_with_retry_after_and_no_exception_text() {
        var answer = ServiceUnavailable.databaseUnavailable(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMEOUT));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody())
                .hasToString(ServiceUnavailable.problem(ServiceUnavailable.DATABASE_UNAVAILABLE)
                        .toString())
                .asString()
                .doesNotContain("Hikari")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void a_request_beyond_the_bound_is_answered_503_after_the_wait_and_health_still_answers() throws Exception {
        var filter = new AdmissionFilter(1, Duration.ofMillis(100), new ObjectMapper());
        var busy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var executor = Executors.newSingleThreadExecutor();
        try {
            var first = executor.submit(() -> {
                filter.doFilter(api("/api/v1/persons"), new MockHttpServletResponse(), (request, response) -> {
                    busy.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                return null;
            });
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();

            var refused = new MockHttpServletResponse();
            long started = System.nanoTime();
            filter.doFilter(api("/api/v1/persons"), refused, new MockFilterChain());
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(tookMillis).isBetween(90L, 2_000L);

            var health = new MockHttpServletResponse();
            filter.doFilter(api("/actuator/health"), health, new MockFilterChain());
            assertThat(health.getStatus()).isEqualTo(200);

            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            var later = new MockHttpServletResponse();
            filter.doFilter(api("/api/v1/persons"), later, new MockFilterChain());
            assertThat(later.getStatus()).as("the place is free again").isEqualTo(200);
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void a_database_failure_escaping_a_filter_is_answered_503() throws Exception {
        var filter = new AdmissionFilter(4, Duration.ZERO, new ObjectMapper());
        var response = new MockHttpServletResponse();
        filter.doFilter(api("/api/v1/persons"), response, (request, ignored) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMEOUT);
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("Hikari");
    }

    private static MockHttpServletRequest api(String path) {
        return new MockHttpServletRequest("POST", path);
    }
}
