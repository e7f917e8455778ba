package de.kiim.query.projections;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The segments of this instance's processors whose last transaction failed, with what failed, until one commits
 * again. A segment in this list retries event by event ({@link EventByEventRetry}), and the admin status shows
 * the failure ({@code ProjectionAdminController}).
 */
@Component
public class SegmentFailures {

    /**
     * What failed, as far as it can be told without personal data: the exception's class and the SQL state of
     * the database error beneath it, never a message (PostgreSQL's may quote the values it refused).
     */
    public record Failure(String type, String sqlState, Instant since) {

        public static Failure of(Throwable failure) {
            String sqlState = null;
            for (Throwable cause = failure; cause != null && sqlState == null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    sqlState = sql.getSQLState();
                }
            }
            return new Failure(failure == null ? "unknown" : failure.getClass().getName(), sqlState, Instant.now());
        }

        /** In place of the exception's message, for the dead-letter queue: only the SQL state, if any. */
        public String message() {
            return sqlState == null ? "" : "SQL state " + sqlState;
        }
    }

    private record Key(String processor, int segment) {}

    private final Map<Key, Failure> failures = new ConcurrentHashMap<>();

    void failed(String processor, int segment, Throwable failure) {
        failures.putIfAbsent(new Key(processor, segment), Failure.of(failure));
    }

    void committed(String processor, int segment) {
        failures.remove(new Key(processor, segment));
    }

    public Optional<Failure> of(String processor, int segment) {
        return Optional.ofNullable(failures.get(new Key(processor, segment)));
    }
}
