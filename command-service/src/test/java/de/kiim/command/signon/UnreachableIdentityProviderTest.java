package de.kiim.command.signon;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.testsupport.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * While the identity provider cannot be reached, a token cannot be checked: the answer is 503 with Retry-After,
 * not a 401 that would tell the client its token is bad, and not a 500. Passwords, where enabled, still work.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-service,test",
            // A port nothing listens on.
            "kiim.security.jwt.issuer-uri=http://127.0.0.1:1/realms/kiim"
        })
@ActiveProfiles("local")
class UnreachableIdentityProviderTest {

    @LocalServerPort
    int port;

    @Test
    void a_token_is_answered_503_while_the_identity_provider_is_unreachable() {
        var api = ApiClient.onPort(port);
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

        var answer = api.get("/api/v1/admin/agencies", null, Map.of("Authorization", "Bearer " + token));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isPresent();
        assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).doesNotContain(token);
        assertThat(api.get("/api/v1/admin/agencies", "steward").status()).isEqualTo(200);
    }
}
