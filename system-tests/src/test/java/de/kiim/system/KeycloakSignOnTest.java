package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.OidcClient;
import de.kiim.testsupport.ServiceProcess;
import de.kiim.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kiim behind a real Keycloak (the distribution from Maven Central, with the realm Kiim ships in
 * deploy/keycloak/), configured as docs/operations.md says: an agency system gets a token by client credentials and
 * records a registration, a caseworker logs in through Keycloak's own login form with PKCE and reads the card —
 * the roles from Keycloak's realm roles, the agency from the group attribute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakSignOnTest {

    private static final Path DISTRIBUTION = Path.of("target", "keycloak");
    private static final String CALLBACK = "http://localhost:8080/login/oauth2/code/kiim";

    @TempDir
    static Path secrets;

    Process keycloak;
    String issuer;
    ServiceProcess commands;
    ServiceProcess queries;

    @BeforeAll
    void start() throws Exception {
        int port = freePort();
        issuer = "http://localhost:" + port + "/realms/kiim";
        keycloak = startKeycloak(port, freePort());
        TestDatabase database = TestDatabase.another();
        Path kek = ScaleOut.kekFile(secrets);
        String[] signOn = {
            "--kiim.security.jwt.issuer-uri=" + issuer, "--kiim.security.jwt.claims.roles=realm_access.roles"
        };
        commands = ServiceProcess.start(
                "command-service",
                "keycloak-command",
                database,
                kek,
                concat(signOn, "--kiim.security.basic.enabled=false"));
        queries = ServiceProcess.start("query-service", "keycloak-query", database, kek, signOn);
    }

    @AfterAll
    void stop() throws Exception {
        if (queries != null) {
            queries.close();
        }
        if (commands != null) {
            commands.close();
        }
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            keycloak.waitFor();
        }
    }

    @Test
    void an_agency_system_records_and_caseworkers_read_with_keycloaks_tokens() throws Exception {
        String systemToken = clientCredentials("abh-system", "demo");
        var registered = commands.api.post(
                "/api/v1/persons",
                null,
                ApiClient.json(Map.of(
                        "familyName", "Keycloak",
                        "dateOfBirth", "1987-09-14",
                        "sex", "FEMALE",
                        "nationality", "IQ",
                        "entryDate", "2022-11-02",
                        "municipality", "15085135")),
                Map.of("Authorization", "Bearer " + systemToken));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String card = "/api/v1/persons/" + registered.json().path("personId").asText();

        String caseworker = logIn("abh", "demo");
        assertThat(OidcClient.claims(caseworker).path("realm_access").toString())
                .contains("CASEWORKER");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> queries.api
                                .get(card, null, Map.of("Authorization", "Bearer " + caseworker))
                                .status()
                        == 200);
        // The Jobcenter's caseworker is not linked to the person; a Keycloak role alone opens nothing.
        assertThat(queries.api
                        .get(card, null, Map.of("Authorization", "Bearer " + logIn("jobcenter", "demo")))
                        .status())
                .isEqualTo(404);
        assertThat(queries.api
                        .get(card, null, Map.of("Authorization", "Bearer " + systemToken))
                        .status())
                .isEqualTo(403);
    }

    private String clientCredentials(String client, String secret) throws Exception {
        var http = HttpClient.newHttpClient();
        var response = http.send(
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                        .header("Authorization", basic(client, secret))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }

    /** Authorization code with PKCE through Keycloak's login form, as a browser would. */
    private String logIn(String user, String password) throws Exception {
        var http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        var authorization = http.send(
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?"
                                + form(Map.of(
                                        "response_type", "code",
                                        "client_id", "kiim-web",
                                        "redirect_uri", CALLBACK,
                                        "scope", "openid",
                                        "state", "kc",
                                        "code_challenge", challenge,
                                        "code_challenge_method", "S256"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String page = authorization.body();
        // Keycloak marks its session cookies Secure, which a browser (and curl) still sends to localhost over
        // plain HTTP, and Java's cookie manager does not: they are carried by hand.
        String cookies = authorization.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        var action = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(page);
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        var loggedIn = http.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = loggedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK);
        String code = location.replaceFirst(".*[?&]code=([^&]+).*", "$1");
        var token = http.send(
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                        .header("Authorization", basic("kiim-web", "demo"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", CALLBACK,
                                "code_verifier", verifier))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(token.body());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return body.path("access_token").asText();
    }

    /**
     * Keycloak in development mode on its own ports, with a fresh embedded database that imports Kiim's realm.
     * Keycloak 26 needs Java 21 or later; this machine kind has a Temurin JDK beside the build's.
     */
    private static Process startKeycloak(int port, int managementPort) throws Exception {
        Path home;
        try (Stream<Path> unpacked = Files.list(DISTRIBUTION)) {
            home = unpacked.filter(dir -> dir.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak in " + DISTRIBUTION.toAbsolutePath()));
        }
        deleteRecursively(home.resolve("data"));
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(Path.of("..", "deploy", "keycloak", "kiim-realm.json"), home.resolve("data/import/kiim-realm.json"));
        Path log = Path.of("target", "processes", "keycloak.log");
        Files.createDirectories(log.getParent());
        var builder = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-port=" + port,
                        "--http-management-port=" + managementPort,
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaForKeycloak().toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-" + port);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        Process process = builder.start();
        var http = HttpClient.newHttpClient();
        URI discovery = URI.create("http://localhost:" + port + "/realms/kiim/.well-known/openid-configuration");
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "Keycloak stopped during start-up; see " + log.toAbsolutePath());
                    }
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(discovery)
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return process;
    }

    /** The newest JDK of version 21 or later under /usr/lib/jvm. */
    private static Path javaForKeycloak() throws IOException {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> featureVersion(jdk) >= 21)
                    .max(Comparator.comparingInt(KeycloakSignOnTest::featureVersion))
                    .orElseThrow(() -> new IllegalStateException(
                            "Keycloak needs Java 21 or later; no such JDK under /usr/lib/jvm"));
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            var version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException noReleaseFile) {
            return 0;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
