package de.kiim.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request that failed because the service cannot do its work right now, not because of a bug or the request:
 * the database is restarting or unreachable, or every pooled connection stayed busy for the pool's connection
 * timeout (overload). Answered 503 with {@code Retry-After}, as an RFC 9457 problem that names neither the
 * exception nor anything of the request; the client sends the same request again later (with its
 * {@code Idempotency-Key}, a command whose answer was lost is not carried out twice).
 * <p>
 * Database failures arrive wrapped — in Spring's {@code DataAccessException}s, in {@code CannotCreateTransactionException}
 * when the transaction cannot get its connection, in Axon's {@code CommandExecutionException}, {@code EventStoreException}
 * or {@code JdbcException}, in Spring Security's {@code InternalAuthenticationServiceException} — so the whole cause
 * chain is looked at.
 */
public final class ServiceUnavailable {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailable.class);

    /** A PostgreSQL restart for patches takes a few seconds; clients wait this long before they send again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    static final URI TYPE = URI.create("urn:kiim:problem:service-unavailable");
    static final String DATABASE_UNAVAILABLE =
            "The service cannot reach its database right now; send the request " + "again later.";

    private ServiceUnavailable() {}

    /** Whether {@code failure}, or anything it wraps, says that the database cannot be reached right now. */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable cause = failure;
                cause != null && seen.size() < 32 && !seen.contains(cause);
                cause = cause.getCause()) {
            seen.add(cause);
            if (cause instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException among them
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException // Hikari: no connection within the timeout
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            // The JDBC commit or rollback itself failed, e.g. a commit on the connection the restart broke and then
            // the rollback on Hikari's closed proxy ("Connection is closed", no SQLSTATE; Spring logs the commit's
            // failure and throws the rollback's). The outcome is unknown: 503, send again with the same key.
            if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, I/O error), 53 (insufficient resources, e.g. too many
     * connections) and 57P01–57P03 (server shutting down, crashed, starting up).
     */
    private static boolean unavailableState(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.startsWith("53")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03"));
    }

    static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(TYPE);
        return problem;
    }

    /** The answer to a request the database failed: 503 with {@code Retry-After}; logged without the message. */
    static ResponseEntity<Object> databaseUnavailable(Throwable failure) {
        logged(failure);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(DATABASE_UNAVAILABLE));
    }

    /** The same answer written to a servlet response, for failures outside Spring MVC (filters, authentication). */
    public static void writeDatabaseUnavailable(Throwable failure, HttpServletResponse response, ObjectMapper json)
            throws IOException {
        logged(failure);
        write(response, json, RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE);
    }

    /** Writes a 503 problem with {@code Retry-After} and {@code detail}. */
    public static void write(HttpServletResponse response, ObjectMapper json, int retryAfterSeconds, String detail)
            throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(detail));
    }

    /** One line per request, naming the exception types only: an outage must not fill the log with stack traces. */
    private static void logged(Throwable failure) {
        if (log.isWarnEnabled()) {
            List<String> chain = new ArrayList<>();
            for (Throwable cause = failure; cause != null && chain.size() < 8; cause = cause.getCause()) {
                chain.add(cause.getClass().getSimpleName());
            }
            log.warn("Database unavailable, answered 503: {}", String.join(" <- ", chain));
        }
    }
}
