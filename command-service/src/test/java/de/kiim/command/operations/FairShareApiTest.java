package de.kiim.command.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.kiim.command.person.RegistrationApiTest;
import de.kiim.testsupport.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over a real port: an agency system that keeps {@code kiim.web.max-concurrent-requests-per-user} (16) requests in
 * flight — here registrations whose bodies it never finishes sending — gets 429 for the next one, while another
 * caller's registration goes through.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
class FairShareApiTest {

    private static final int SHARE = 16;

    /** A second system of the same foreigners' authority, which the first one's backlog must not hold up. */
    private static final String COLLEAGUE = "abh-fachverfahren";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void colleague() {
        jdbc.update("""
                insert into directory.app_user (username, password_hash, agency_id, roles, demo)
                values (?, ?, 'abh-harz', '{AGENCY_SYSTEM}', true) on conflict (username) do nothing""", COLLEAGUE, passwords.encode("demo"));
    }

    @Test
    void one_caller_past_its_share_gets_429_and_the_others_are_served() throws IOException {
        var api = ApiClient.onPort(port);
        // The password is checked once and then cached, so the stalled requests below pass authentication at once
        // instead of queueing for the password check.
        assertThat(api.get("/api/v1/imports/" + UUID.randomUUID(), "abh").status())
                .isEqualTo(404);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < SHARE; i++) {
                stalled.add(unfinishedRegistration("abh"));
            }
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                // A new person each time: one that got through before all 16 were in flight is no duplicate.
                var refused = api.post("/api/v1/persons", "abh", ApiClient.json(RegistrationApiTest.validPerson()));
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Retry-After")).hasValue("1");
                assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
            });

            assertThat(api.post("/api/v1/persons", COLLEAGUE, ApiClient.json(RegistrationApiTest.validPerson()))
                            .status())
                    .isEqualTo(201);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                api.post("/api/v1/persons", "abh", ApiClient.json(RegistrationApiTest.validPerson()))
                                        .status())
                        .as("the places are given back")
                        .isEqualTo(201));
    }

    /** Headers and the first chunk of a body; the rest never comes, so the request stays in flight. */
    private Socket unfinishedRegistration(String user) throws IOException {
        var socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        out.write(("POST /api/v1/persons HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
