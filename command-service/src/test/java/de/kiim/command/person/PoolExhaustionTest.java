package de.kiim.command.person;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.testsupport.ApiClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Past the connection pool (overload, or a database that stopped answering), a command waits no longer than the
 * pool's connection timeout and is answered 503 with Retry-After; once connections are free again it succeeds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
class PoolExhaustionTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void a_command_past_the_pool_is_503_with_retry_after_within_the_connection_timeout() throws SQLException {
        var api = ApiClient.onPort(port);
        // Authenticated once, so the request reaches the command, whose transaction needs the connection.
        assertThat(api.post("/api/v1/persons", "abh", ApiClient.json(RegistrationApiTest.validPerson()))
                        .status())
                .isEqualTo(201);

        List<Connection> held = new ArrayList<>();
        ApiClient.Response refused;
        long tookMillis;
        try {
            try {
                while (true) {
                    held.add(dataSource.getConnection()); // until the pool's connection timeout refuses one
                }
            } catch (SQLException exhausted) {
                assertThat(held).as("the whole pool").isNotEmpty();
            }
            long started = System.nanoTime();
            refused = api.post("/api/v1/persons", "abh", ApiClient.json(RegistrationApiTest.validPerson()));
            tookMillis = (System.nanoTime() - started) / 1_000_000;
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).hasValue("5");
        assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).doesNotContainIgnoringCase("hikari").doesNotContainIgnoringCase("exception");
        assertThat(tookMillis)
                .as("waited for the connection timeout (2 s), not longer")
                .isBetween(1_500L, 4_000L);

        assertThat(api.post("/api/v1/persons", "abh", ApiClient.json(RegistrationApiTest.validPerson()))
                        .status())
                .as("connections free again")
                .isEqualTo(201);
    }
}
