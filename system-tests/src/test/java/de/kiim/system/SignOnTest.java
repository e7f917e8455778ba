package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.OidcClient;
import de.kiim.testsupport.ServiceProcess;
import de.kiim.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-on end to end, every part a real process: the identity provider issues tokens (client credentials for an
 * agency system, authorization code with PKCE for a caseworker), the command service with HTTP Basic switched off
 * takes nothing but a valid token, and the query service applies the entitlements to the token's agency. Every
 * token a service must refuse — tampered, expired, never expiring, of another issuer, for another audience, signed
 * with another key — is a 401 problem; a valid token of an agency the directory does not know, or of a closed
 * one, is a 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignOnTest {

    private static final String CALLBACK = "http://localhost:8080/login/oauth2/code/kiim";

    @TempDir
    static Path secrets;

    ServiceProcess identity;
    ServiceProcess commands;
    ServiceProcess queries;
    OidcClient oidc;
    String issuer;
    RSAKey signingKey;

    @BeforeAll
    void start() throws Exception {
        TestDatabase database = TestDatabase.another();
        Path kek = ScaleOut.kekFile(secrets);
        Path keyFile = secrets.resolve("signing-key.jwk");
        // The provider migrates the shared schemas and, in the local profile, seeds the demo users it signs in.
        identity = ServiceProcess.start(
                "identity",
                "sign-on-identity",
                database,
                kek,
                "--kiim.identity.issuer=",
                "--kiim.identity.signing-key-file=" + keyFile);
        issuer = "http://localhost:" + identity.port;
        oidc = new OidcClient(issuer);
        signingKey = RSAKey.parse(Files.readString(keyFile));
        commands = ServiceProcess.start(
                "command-service",
                "sign-on-command",
                database,
                kek,
                "--kiim.security.jwt.issuer-uri=" + issuer,
                "--kiim.security.basic.enabled=false");
        queries = ServiceProcess.start(
                "query-service", "sign-on-query", database, kek, "--kiim.security.jwt.issuer-uri=" + issuer);
    }

    @AfterAll
    void stop() throws Exception {
        for (var process : new ServiceProcess[] {queries, commands, identity}) {
            if (process != null) {
                process.close();
            }
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String randomLetters() {
        return ThreadLocalRandom.current()
                .ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** Registers someone new each time (a random name and birth day), so that none is a likely duplicate. */
    private String register(String token) {
        var registered = commands.api.post(
                "/api/v1/persons",
                null,
                ApiClient.json(Map.of(
                        "familyName", "Anmeldung-" + randomLetters(),
                        "dateOfBirth", "1994-02-03",
                        "sex", "MALE",
                        "nationality", "ER",
                        "entryDate", "2023-01-10",
                        "municipality", "15085135")),
                bearer(token));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("personId").asText();
    }

    @Test
    void an_agency_system_records_with_its_token_and_a_caseworker_reads_with_hers() {
        String system = oidc.clientCredentials("abh-system", "demo").accessToken();
        String personId = register(system);

        var caseworker = new OidcClient(issuer).signIn("abh", "demo", "kiim-web", "demo", CALLBACK, true);
        assertThat(caseworker.status()).as(caseworker.body().toString()).isEqualTo(200);
        String card = "/api/v1/persons/" + personId;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> queries.api
                                .get(card, null, bearer(caseworker.accessToken()))
                                .status()
                        == 200);

        // The entitlements follow the token's agency: the Jobcenter is not linked to this person.
        String jobcenter = new OidcClient(issuer)
                .signIn("jobcenter", "demo", "kiim-web", "demo", CALLBACK, true)
                .accessToken();
        assertThat(queries.api.get(card, null, bearer(jobcenter)).status()).isEqualTo(404);
        // The author of the registration is the agency system, as the token named it.
        var trail = queries.api.get("/api/v1/audit/changes?person=" + personId, "auditor");
        assertThat(trail.json().findValuesAsText("author")).containsExactly("abh-system");
    }

    @Test
    void with_basic_switched_off_a_password_is_refused_and_the_scheme_offered_is_bearer() {
        var basic = commands.api.post("/api/v1/persons", "abh", "{}");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.raw().headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"kiim\"");
        assertThat(basic.header("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void every_token_a_service_must_not_trust_is_a_401_problem() throws Exception {
        String valid = oidc.clientCredentials("abh-system", "demo").accessToken();
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "BB" : "AA") + "." + parts[2];
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();

        Map<String, String> refused = Map.of(
                "tampered", tampered,
                "expired",
                        mint(
                                signingKey,
                                claims -> claims.expirationTime(
                                        Date.from(Instant.now().minusSeconds(120)))),
                "never expiring", mint(signingKey, claims -> claims.expirationTime(null)),
                "other issuer", mint(signingKey, claims -> claims.issuer("http://localhost:1")),
                "other audience", mint(signingKey, claims -> claims.audience("another-service")),
                "other key", mint(otherKey, claims -> {}),
                "no token at all", "not-a-jwt");
        refused.forEach((why, token) -> {
            var answer = commands.api.post("/api/v1/persons", null, "{}", bearer(token));
            assertThat(answer.status()).as(why).isEqualTo(401);
            assertThat(answer.raw().headers().allValues("WWW-Authenticate"))
                    .as(why)
                    .containsExactly("Bearer realm=\"kiim\", error=\"invalid_token\"");
            assertThat(answer.body()).as(why).doesNotContain(token);
        });
        // The minted token itself is good: the refusals above are for what was changed.
        register(mint(signingKey, claims -> {}));
    }

    @Test
    void a_valid_token_of_an_unknown_or_closed_agency_is_a_403_problem() {
        String steward = new OidcClient(issuer)
                .signIn("steward", "demo", "kiim-web", "demo", CALLBACK, true)
                .accessToken();
        String agency = "jc-geschlossen-" + identity.port;
        assertThat(commands.api
                        .post(
                                "/api/v1/admin/agencies",
                                null,
                                ApiClient.json(Map.of(
                                        "id", agency,
                                        "name", "Jobcenter Geschlossen",
                                        "kind", "JOBCENTER",
                                        "municipality", "15085135")),
                                bearer(steward))
                        .status())
                .isEqualTo(201);
        assertThat(commands.api
                        .post("/api/v1/admin/agencies/" + agency + "/closure", null, "{}", bearer(steward))
                        .status())
                .isEqualTo(204);

        for (String unknown : List.of(agency, "no-such-agency")) {
            String token = mint(signingKey, claims -> claims.claim("kiim_agency", unknown));
            var answer = commands.api.post("/api/v1/persons", null, "{}", bearer(token));
            assertThat(answer.status()).as(unknown).isEqualTo(403);
            assertThat(answer.json().path("detail").asText()).contains("no agency of the directory");
        }
    }

    /** A token as the provider would issue it to abh-system, changed by {@code change}. */
    private String mint(RSAKey key, Consumer<JWTClaimsSet.Builder> change) {
        try {
            var claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject("abh-system")
                    .audience("kiim")
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .claim("preferred_username", "abh-system")
                    .claim("kiim_agency", "abh-harz")
                    .claim("roles", List.of("AGENCY_SYSTEM"));
            change.accept(claims);
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
