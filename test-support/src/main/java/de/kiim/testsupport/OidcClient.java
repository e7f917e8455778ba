package de.kiim.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client of an OpenID Connect provider over real HTTP, as an agency system and a browser use it: client
 * credentials, and the authorization code flow with PKCE through the provider's login form (its session cookie
 * and CSRF token included), following redirects by hand so that every step can be checked.
 */
public final class OidcClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String issuer;
    private final HttpClient http;

    public OidcClient(String issuer) {
        this.issuer = issuer;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The token endpoint's answer: status and body. */
    public record TokenResponse(int status, JsonNode body) {
        public String accessToken() {
            return body.path("access_token").asText(null);
        }
    }

    public TokenResponse clientCredentials(String clientId, String secret) {
        return token(clientId, secret, Map.of("grant_type", "client_credentials"));
    }

    public TokenResponse refresh(String clientId, String secret, String refreshToken) {
        return token(clientId, secret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /**
     * Signs {@code username} in through the login form and exchanges the code for tokens. {@code sendVerifier}
     * false leaves the PKCE verifier out of the exchange, as an attacker holding a stolen code would.
     */
    public TokenResponse signIn(
            String username,
            String password,
            String clientId,
            String secret,
            String redirectUri,
            boolean sendVerifier) {
        String verifier = randomText();
        String state = randomText();
        String authorize = issuer + "/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        clientId,
                        "redirect_uri",
                        redirectUri,
                        "scope",
                        "openid profile",
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
        String toLogin = redirect(send(get(authorize)));
        String loginPage = send(get(absolute(toLogin))).body();
        Matcher csrf = CSRF.matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("The login page has no CSRF token");
        }
        var login = send(post(
                issuer + "/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)), null));
        String afterLogin = redirect(login);
        if (afterLogin.contains("/login?error")) {
            return new TokenResponse(401, JSON.createObjectNode().put("error", "login failed"));
        }
        String callback = redirect(send(get(absolute(afterLogin))));
        if (!callback.startsWith(redirectUri)) {
            throw new IllegalStateException("Not sent back to the client: " + callback);
        }
        Map<String, String> parameters = query(callback);
        if (!state.equals(parameters.get("state"))) {
            throw new IllegalStateException("The state came back changed");
        }
        var exchange = new LinkedHashMap<String, String>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", parameters.get("code"));
        exchange.put("redirect_uri", redirectUri);
        if (sendVerifier) {
            exchange.put("code_verifier", verifier);
        }
        return token(clientId, secret, exchange);
    }

    /**
     * The access tokens of users signed in through the login page as the web client does it (password
     * {@code demo}), each signed in once, in a browser of its own.
     */
    public static java.util.function.Function<String, String> demoUserTokens(
            String issuer, String clientId, String secret, String redirectUri) {
        var tokens = new java.util.concurrent.ConcurrentHashMap<String, String>();
        return user -> tokens.computeIfAbsent(user, name -> {
            var answer = new OidcClient(issuer).signIn(name, "demo", clientId, secret, redirectUri, true);
            if (answer.status() != 200) {
                throw new IllegalStateException("No token for " + name + ": " + answer.body());
            }
            return answer.accessToken();
        });
    }

    /** RP-initiated logout in this browser: where the provider sends it afterwards. */
    public String signOut(String idToken, String postLogoutRedirectUri) {
        return redirect(send(get(issuer + "/connect/logout?"
                + form(Map.of(
                        "id_token_hint",
                        idToken,
                        "post_logout_redirect_uri",
                        postLogoutRedirectUri,
                        "state",
                        "bye")))));
    }

    /** The login form's answer to a user name and password: where it sends the browser. */
    public String submitLogin(String username, String password) {
        String loginPage = send(get(issuer + "/login")).body();
        Matcher csrf = CSRF.matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("The login page has no CSRF token");
        }
        return redirect(send(post(
                issuer + "/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)), null)));
    }

    /** The claims of a JWT, unverified: what the token says, for tests to check. */
    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return send(request.GET());
    }

    private TokenResponse token(String clientId, String secret, Map<String, String> parameters) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var response = send(post(issuer + "/oauth2/token", parameters, "Basic " + basic));
        try {
            return new TokenResponse(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            return new TokenResponse(response.statusCode(), JSON.createObjectNode());
        }
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html")
                .GET();
    }

    private static HttpRequest.Builder post(String url, Map<String, String> parameters, String authorization) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String redirect(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException(
                    "Expected a redirect, got " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : issuer + location;
    }

    private static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomText() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
