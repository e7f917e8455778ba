package de.kiim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.OidcClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded identity provider over real HTTP: agency systems get tokens for their agency with client
 * credentials, people sign in through the login page with the authorization code flow and PKCE, every token names
 * Kiim's audience and the directory's agency and roles, and the signing key survives a restart.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=identity,test")
@ActiveProfiles("local")
class IdentityProviderTest {

    static final String WEB_CALLBACK = "http://localhost:8080/login/oauth2/code/kiim";
    static final String SYSTEMS = "/api/v1/agency-systems";
    static final Path KEY_FILE = keyFile();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    Authorizations authorizations;

    OidcClient oidc;

    private static Path keyFile() {
        try {
            return Files.createTempDirectory("kiim-identity").resolve("signing-key.jwk");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) {
        registry.add("kiim.identity.signing-key-file", KEY_FILE::toString);
    }

    @BeforeEach
    void setUp() {
        oidc = new OidcClient("http://localhost:" + port);
    }

    @Test
    void an_agency_system_gets_a_token_for_its_agency_and_a_wrong_secret_gets_none() {
        var token = oidc.clientCredentials("abh-system", "demo");

        assertThat(token.status()).as(token.body().toString()).isEqualTo(200);
        var claims = OidcClient.claims(token.accessToken());
        assertThat(claims.path("kiim_agency").asText()).isEqualTo("abh-harz");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"AGENCY_SYSTEM\"]");
        assertThat(claims.path("aud").toString()).contains("\"kiim\"");
        assertThat(claims.path("iss").asText()).isEqualTo("http://localhost:8083");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);

        // An agency system's token is a self-contained JWT: the provider keeps nothing per token request.
        int kept = authorizations.size();
        for (int request = 0; request < 20; request++) {
            assertThat(oidc.clientCredentials("abh-system", "demo").status()).isEqualTo(200);
        }
        assertThat(authorizations.size()).isEqualTo(kept);

        assertThat(oidc.clientCredentials("abh-system", "wrong").status()).isEqualTo(401);
        assertThat(oidc.clientCredentials("kiim-web", "demo").status()).isEqualTo(400);
    }

    @Test
    void a_caseworker_signs_in_with_pkce_and_gets_the_directorys_agency_and_roles_also_on_refresh() {
        var tokens = oidc.signIn("abh", "demo", "kiim-web", "demo", WEB_CALLBACK, true);

        assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
        var claims = OidcClient.claims(tokens.accessToken());
        assertThat(claims.path("preferred_username").asText()).isEqualTo("abh");
        assertThat(claims.path("kiim_agency").asText()).isEqualTo("abh-harz");
        assertThat(claims.path("roles").toString()).contains("CASEWORKER", "AGENCY_SYSTEM");
        assertThat(tokens.body().path("id_token").asText()).isNotBlank();
        var userinfo = oidc.get(
                "http://localhost:" + port + "/userinfo", Map.of("Authorization", "Bearer " + tokens.accessToken()));
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(userinfo.body()).contains("\"sub\":\"abh\"");

        var refreshed = oidc.refresh(
                "kiim-web", "demo", tokens.body().path("refresh_token").asText());
        assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);
        assertThat(OidcClient.claims(refreshed.accessToken())
                        .path("kiim_agency")
                        .asText())
                .isEqualTo("abh-harz");
    }

    @Test
    void a_user_disabled_since_signing_in_gets_no_refreshed_token() {
        String user = "idp-disabled-" + port;
        jdbc.update(
                "insert into directory.app_user (username, password_hash, agency_id, roles) values (?, ?, "
                        + "'jobcenter-harz', '{CASEWORKER}')",
                user,
                passwords.encode("demo"));
        var tokens =
                new OidcClient("http://localhost:" + port).signIn(user, "demo", "kiim-web", "demo", WEB_CALLBACK, true);
        assertThat(tokens.status()).isEqualTo(200);

        jdbc.update("update directory.app_user set enabled = false where username = ?", user);

        var refreshed = oidc.refresh(
                "kiim-web", "demo", tokens.body().path("refresh_token").asText());
        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.body().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void a_code_without_its_pkce_verifier_is_worth_nothing() {
        var stolen = new OidcClient("http://localhost:" + port)
                .signIn("jobcenter", "demo", "kiim-web", "demo", WEB_CALLBACK, false);

        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.accessToken()).isNull();
    }

    @Test
    void failed_logins_are_recorded_without_the_password_and_throttled() {
        String user = "idp-throttle-" + port;
        jdbc.update(
                "insert into directory.app_user (username, password_hash, agency_id, roles) values (?, ?, 'jobcenter-harz', "
                        + "'{CASEWORKER}') on conflict do nothing",
                user,
                passwords.encode("richtig"));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(oidc.submitLogin(user, "Geheimnis-falsch")).endsWith("/login?error");
        }
        // The right password within the backoff is refused too: guessing on is no faster for knowing one.
        assertThat(oidc.submitLogin(user, "richtig")).endsWith("/login?error");

        assertThat(jdbc.queryForList(
                        "select outcome from directory.login_attempt where username = ? and service = 'identity'",
                        String.class,
                        user))
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(jdbc.queryForObject(
                        "select count(*) from directory.login_attempt where username like '%Geheimnis%' "
                                + "or client_address like '%Geheimnis%'",
                        Long.class))
                .isZero();
    }

    @Test
    void the_login_page_is_german_by_default_and_english_on_request() {
        var german = oidc.get("http://localhost:" + port + "/login", Map.of());
        assertThat(german.body()).contains("lang=\"de\"", "<label for=\"username\">Benutzername</label>");
        var english = oidc.get("http://localhost:" + port + "/login?lang=en", Map.of());
        assertThat(english.body()).contains("lang=\"en\"", "<label for=\"password\">Password</label>");
        var french =
                new OidcClient("http://localhost:" + port).get("http://localhost:" + port + "/login?lang=fr", Map.of());
        assertThat(french.body()).contains("lang=\"de\"").doesNotContain("lang=\"fr\"");
        var failed = oidc.get("http://localhost:" + port + "/login?error", Map.of("Accept-Language", "de"));
        assertThat(failed.body()).contains("role=\"alert\"");
    }

    @Test
    void the_signing_key_is_kept_across_a_restart_and_published_without_its_private_part() throws Exception {
        var published = new ObjectMapper()
                .readTree(oidc.get("http://localhost:" + port + "/oauth2/jwks", Map.of())
                        .body());
        String kid = published.path("keys").get(0).path("kid").asText();
        assertThat(published.path("keys").get(0).has("d")).isFalse();
        assertThat(Files.readString(KEY_FILE)).contains(kid);

        try (var restarted = IdentityProviderApplication.builder()
                .profiles("local")
                .run(
                        "--spring.config.name=identity,test",
                        "--server.port=0",
                        "--kiim.identity.signing-key-file=" + KEY_FILE,
                        "--spring.datasource.url=" + context.getEnvironment().getProperty("spring.datasource.url"))) {
            int port = restarted.getEnvironment().getProperty("local.server.port", Integer.class);
            String keys = oidc.get("http://localhost:" + port + "/oauth2/jwks", Map.of())
                    .body();
            assertThat(keys).contains(kid);
            String token = new OidcClient("http://localhost:" + port)
                    .clientCredentials("abh-system", "demo")
                    .accessToken();
            assertThat(token.split("\\.")[0])
                    .isEqualTo(new OidcClient("http://localhost:" + this.port)
                            .clientCredentials("abh-system", "demo")
                            .accessToken()
                            .split("\\.")[0]);
        }
    }

    @Test
    void a_data_steward_creates_rotates_and_revokes_an_agency_systems_client() {
        var tokens = OidcClient.demoUserTokens("http://localhost:" + port, "kiim-web", "demo", WEB_CALLBACK);
        var api = ApiClient.onPort(port).withTokens(tokens);
        String clientId = "jc-fachverfahren-" + port;

        assertThat(api.post(SYSTEMS, "abh", ApiClient.json(Map.of("clientId", clientId, "agency", "abh-harz")))
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.onPort(port).get(SYSTEMS, null).status()).isEqualTo(401);
        var badAgency = api.post(SYSTEMS, "steward", ApiClient.json(Map.of("clientId", clientId, "agency", "nein")));
        assertThat(badAgency.status()).isEqualTo(400);
        assertThat(badAgency.json().path("errors").findValuesAsText("field")).containsExactly("agency");

        var created =
                api.post(SYSTEMS, "steward", ApiClient.json(Map.of("clientId", clientId, "agency", "jobcenter-harz")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().path("clientSecret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        var token = oidc.clientCredentials(clientId, secret);
        assertThat(OidcClient.claims(token.accessToken()).path("kiim_agency").asText())
                .isEqualTo("jobcenter-harz");
        assertThat(api.get(SYSTEMS, "steward").body()).contains(clientId).doesNotContain(secret);
        assertThat(jdbc.queryForObject(
                        "select secret_hash from identity.agency_system_client where client_id = ?",
                        String.class,
                        clientId))
                .startsWith("$2a$")
                .doesNotContain(secret);
        assertThat(api.post(SYSTEMS, "steward", ApiClient.json(Map.of("clientId", clientId, "agency", "abh-harz")))
                        .status())
                .isEqualTo(409);

        var rotated = api.post(SYSTEMS + "/" + clientId + "/secret", "steward", "");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().path("clientSecret").asText();
        assertThat(oidc.clientCredentials(clientId, secret).status()).isEqualTo(401);
        assertThat(oidc.clientCredentials(clientId, newSecret).status()).isEqualTo(200);

        assertThat(api.delete(SYSTEMS + "/" + clientId, "steward").status()).isEqualTo(204);
        assertThat(oidc.clientCredentials(clientId, newSecret).status()).isEqualTo(401);
        assertThat(api.post(SYSTEMS + "/" + clientId + "/secret", "steward", "").status())
                .isEqualTo(404);
    }

    @Test
    void signing_out_ends_the_session_goes_back_to_the_client_and_is_recorded() {
        var browser = new OidcClient("http://localhost:" + port);
        var tokens = browser.signIn("beratung", "demo", "kiim-web", "demo", WEB_CALLBACK, true);
        long before = jdbc.queryForObject(
                "select count(*) from directory.login_attempt where username = 'beratung' and outcome = 'SIGNED_OUT'",
                Long.class);

        assertThat(browser.signOut(tokens.body().path("id_token").asText(), "http://localhost:8080/"))
                .isEqualTo("http://localhost:8080/?state=bye");

        assertThat(jdbc.queryForObject(
                        "select count(*) from directory.login_attempt where username = 'beratung' "
                                + "and outcome = 'SIGNED_OUT' and service = 'identity'",
                        Long.class))
                .isEqualTo(before + 1);
        // The sign-in's refresh token is worth nothing now.
        assertThat(oidc.refresh(
                                "kiim-web",
                                "demo",
                                tokens.body().path("refresh_token").asText())
                        .status())
                .isEqualTo(400);
        // The session is gone: the next authorization asks for the password again.
        var again = browser.signIn("beratung", "falsch", "kiim-web", "demo", WEB_CALLBACK, true);
        assertThat(again.status()).isEqualTo(401);
    }
}
