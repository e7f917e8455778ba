package de.kiim.identity;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The agency systems' clients in {@code identity.agency_system_client}: created, given a new secret and revoked
 * by data stewards. A secret is 256 random bits, returned once and stored as a bcrypt hash only.
 */
@Component
class AgencySystemClients {

    /** A client as stewards see it: never its secret. */
    record Client(
            String clientId,
            String agency,
            Instant createdAt,
            String createdBy,
            Instant rotatedAt,
            String rotatedBy,
            Instant revokedAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    AgencySystemClients(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates the client and returns its secret; empty when the id is or was taken. */
    Optional<String> create(String clientId, String agency, String steward) {
        String secret = newSecret();
        int created = jdbc.update("""
                insert into identity.agency_system_client (client_id, agency_id, secret_hash, created_by)
                values (?, ?, ?, ?) on conflict (client_id) do nothing""", clientId, agency, passwords.encode(secret), steward);
        return created == 1 ? Optional.of(secret) : Optional.empty();
    }

    /** A new secret for an active client; the old one stops working at once. Empty for no such active client. */
    Optional<String> rotate(String clientId, String steward) {
        String secret = newSecret();
        int rotated = jdbc.update("""
                update identity.agency_system_client
                   set secret_hash = ?, rotated_at = now(), rotated_by = ?
                 where client_id = ? and revoked_at is null""", passwords.encode(secret), steward, clientId);
        return rotated == 1 ? Optional.of(secret) : Optional.empty();
    }

    boolean revoke(String clientId, String steward) {
        return jdbc.update("""
                        update identity.agency_system_client set revoked_at = now(), revoked_by = ?
                         where client_id = ? and revoked_at is null""", steward, clientId) == 1;
    }

    List<Client> all() {
        return jdbc.query("select * from identity.agency_system_client order by client_id", (rs, row) -> client(rs));
    }

    /** An active client with its secret's hash, for the authorization server. */
    Optional<AgencySystemCredentials> active(String clientId) {
        return jdbc
                .query(
                        "select client_id, agency_id, secret_hash from identity.agency_system_client "
                                + "where client_id = ? and revoked_at is null",
                        (rs, row) -> new AgencySystemCredentials(
                                rs.getString("client_id"), rs.getString("agency_id"), rs.getString("secret_hash")),
                        clientId)
                .stream()
                .findFirst();
    }

    record AgencySystemCredentials(String clientId, String agency, String secretHash) {}

    private static Client client(ResultSet rs) throws SQLException {
        return new Client(
                rs.getString("client_id"),
                rs.getString("agency_id"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "rotated_at"),
                rs.getString("rotated_by"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
