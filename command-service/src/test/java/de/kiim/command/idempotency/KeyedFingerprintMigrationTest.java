package de.kiim.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rows stored before fingerprints were keyed hold an unkeyed SHA-256 of the request, which a dump could test
 * guesses against: the migration to keyed fingerprints removes them.
 */
class KeyedFingerprintMigrationTest {

    @Test
    void rows_with_unkeyed_fingerprints_do_not_survive_the_upgrade() throws Exception {
        TestDatabase database = TestDatabase.another();
        var dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        var jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, "4");
        byte[] unkeyed = MessageDigest.getInstance("SHA-256")
                .digest("POST /api/v1/persons\n{\"familyName\":\"Guess\"}".getBytes(StandardCharsets.UTF_8));
        jdbc.update("""
                insert into command.idempotent_request (username, idempotency_key, fingerprint, status)
                values ('abh', 'before-the-upgrade', ?, 201)""", (Object) unkeyed);

        migrate(dataSource, "latest");

        assertThat(jdbc.queryForObject("select count(*) from command.idempotent_request", Long.class))
                .isZero();
    }

    private static void migrate(DriverManagerDataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/command")
                .schemas("command")
                .createSchemas(true)
                .target(target)
                .load()
                .migrate();
    }
}
