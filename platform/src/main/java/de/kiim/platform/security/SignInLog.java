package de.kiim.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The record of sign-ins in {@code directory.login_attempt}, appended by both services and read by auditors:
 * time, user name (only of a user the directory knows), client address, outcome, service. Never a password.
 */
public class SignInLog {

    /** How a sign-in ended. */
    public enum Outcome {
        /** The password was checked and right: once per credentials-cache entry, not per request. */
        SIGNED_IN,
        WRONG_PASSWORD,
        /** No user of that name; the name is not recorded. */
        UNKNOWN_USER,
        /** The account is disabled (whatever the password). */
        DISABLED,
        /** Refused unchecked during a backoff; one record per backoff, not per refused request. */
        THROTTLED,
        /** Signed out at the identity provider (RP-initiated logout), ending the sign-in. */
        SIGNED_OUT
    }

    /** One recorded sign-in; {@code username} is null for names the directory does not know. */
    public record Attempt(
            long id, Instant attemptedAt, String username, String clientAddress, Outcome outcome, String service) {}

    private static final Logger log = LoggerFactory.getLogger(SignInLog.class);
    private static final int MAX_ADDRESS_LENGTH = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String service;

    public SignInLog(JdbcTemplate jdbc, Clock clock, String service) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.service = service;
    }

    /** Appends a sign-out of a user who had signed in (so one the directory knew). */
    public void recordSignOut(String username, String clientAddress) {
        record(username, clientAddress, Outcome.SIGNED_OUT);
    }

    /** Appends one sign-in; {@code knownUsername} must be null unless the directory knows the user. */
    void record(String knownUsername, String clientAddress, Outcome outcome) {
        String address = clientAddress == null ? "" : clientAddress;
        try {
            jdbc.update(
                    """
                            insert into directory.login_attempt (attempted_at, username, client_address, outcome, service)
                            values (?, ?, ?, ?, ?)""",
                    Timestamp.from(clock.instant()),
                    knownUsername,
                    address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address,
                    outcome.name(),
                    service);
        } catch (DataAccessException e) {
            // The answer to the client does not depend on the record; the failure is visible in the log.
            log.warn(
                    "Could not record a sign-in ({}): {}", outcome, e.getClass().getSimpleName());
        }
    }

    /** Recorded sign-ins in order of recording; every filter may be null; times from inclusive, to exclusive. */
    public List<Attempt> find(
            Instant from, Instant to, String username, String clientAddress, Outcome outcome, long afterId, int limit) {
        return jdbc.query(
                """
                        select id, attempted_at, username, client_address, outcome, service
                          from directory.login_attempt
                         where id > ?
                           and (?::timestamptz is null or attempted_at >= ?)
                           and (?::timestamptz is null or attempted_at < ?)
                           and (?::varchar is null or username = ?)
                           and (?::varchar is null or client_address = ?)
                           and (?::varchar is null or outcome = ?)
                         order by id limit ?""",
                (rs, row) -> new Attempt(
                        rs.getLong("id"),
                        rs.getTimestamp("attempted_at").toInstant(),
                        rs.getString("username"),
                        rs.getString("client_address"),
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("service")),
                afterId,
                timestamp(from),
                timestamp(from),
                timestamp(to),
                timestamp(to),
                username,
                username,
                clientAddress,
                clientAddress,
                outcome == null ? null : outcome.name(),
                outcome == null ? null : outcome.name(),
                limit);
    }

    /** Deletes what is older than the retention period; answers how many rows went. */
    public int purgeOlderThan(Duration retention) {
        return jdbc.update(
                "delete from directory.login_attempt where attempted_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
