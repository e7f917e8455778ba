package de.kiim.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.command.person.RegistrationApiTest;
import de.kiim.platform.crypto.DeploymentKeys;
import de.kiim.testsupport.ApiClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The stored fingerprint of a keyed request is keyed itself: a database dump cannot confirm a guessed request body
 * (name, birth date, AZR number) by hashing it, and another deployment fingerprints the same request differently.
 * Replay and the 422 for other content work as before.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
class IdempotencyFingerprintTest {

    private static final String PATH = "/api/v1/persons";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeploymentKeys keys;

    @Test
    void the_stored_fingerprint_cannot_be_recomputed_from_a_guessed_body() throws Exception {
        var api = ApiClient.onPort(port);
        String key = UUID.randomUUID().toString();
        String body = ApiClient.json(RegistrationApiTest.validPerson());
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);

        var first = api.post(PATH, "abh", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        byte[] stored = jdbc.queryForObject("""
                select fingerprint from command.idempotent_request
                 where username = ? and idempotency_key = ?""", byte[].class, "abh", key);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertThat(stored).isNotEqualTo(sha256.digest(bodyBytes));
        sha256.update(("POST " + PATH + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(stored).isNotEqualTo(sha256.digest(bodyBytes));
        assertThat(stored).isEqualTo(IdempotencyFilter.fingerprint(keys, "POST", PATH, bodyBytes));
        assertThat(stored).isNotEqualTo(IdempotencyFilter.fingerprint(otherDeployment(), "POST", PATH, bodyBytes));

        var again = api.post(PATH, "abh", body, Map.of("Idempotency-Key", key));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
        assertThat(again.json().path("personId")).isEqualTo(first.json().path("personId"));
        var otherBody = api.post(
                PATH, "abh", ApiClient.json(RegistrationApiTest.validPerson()), Map.of("Idempotency-Key", key));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("rule").asText()).isEqualTo("idempotency-key.reused");
    }

    /** The deployment keys of another deployment: each purpose's key is random, as a fresh deployment's is. */
    private static DeploymentKeys otherDeployment() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey other = generator.generateKey();
        return new DeploymentKeys(null, null) {
            @Override
            public SecretKey forPurpose(String purpose) {
                return other;
            }
        };
    }
}
