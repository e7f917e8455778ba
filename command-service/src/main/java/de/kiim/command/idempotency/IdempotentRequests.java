package de.kiim.command.idempotency;

import de.kiim.events.PersonId;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table of answered keyed requests, {@code command.idempotent_request}. */
@Repository
class IdempotentRequests {

    private final JdbcTemplate jdbc;

    IdempotentRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredAnswer> find(String username, String key) {
        return jdbc
                .query(
                        """
                        select fingerprint, status, location, etag, body from command.idempotent_request
                         where username = ? and idempotency_key = ?""",
                        (rs, row) -> new StoredAnswer(
                                rs.getBytes("fingerprint"),
                                rs.getInt("status"),
                                rs.getString("location"),
                                rs.getString("etag"),
                                rs.getString("body")),
                        username,
                        key)
                .stream()
                .findFirst();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the key was taken meanwhile. */
    void insert(String username, String key, PersonId personId, StoredAnswer answer) {
        jdbc.update(
                """
                        insert into command.idempotent_request (username, idempotency_key, fingerprint, person_id,
                                                                status, location, etag, body)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""",
                username,
                key,
                answer.fingerprint(),
                personId == null ? null : personId.value(),
                answer.status(),
                answer.location(),
                answer.etag(),
                answer.body());
    }

    void recordEtag(String username, String key, String etag) {
        jdbc.update(
                "update command.idempotent_request set etag = ? where username = ? and idempotency_key = ?",
                etag,
                username,
                key);
    }

    int purgeOlderThan(Duration retention) {
        return jdbc.update(
                "delete from command.idempotent_request where created_at < now() - ?::interval",
                retention.toSeconds() + " seconds");
    }

    void forget(PersonId personId) {
        jdbc.update("delete from command.idempotent_request where person_id = ?", personId.value());
    }
}
