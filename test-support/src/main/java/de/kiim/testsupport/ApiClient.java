package de.kiim.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** A plain HTTP client for tests that talk to a service over a real port, as its clients do. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    /** The access token of a user, if this client signs on with tokens; null: HTTP Basic. */
    private final java.util.function.Function<String, String> tokenOf;

    public ApiClient(String baseUrl) {
        this(baseUrl, null);
    }

    private ApiClient(String baseUrl, java.util.function.Function<String, String> tokenOf) {
        this.baseUrl = baseUrl;
        this.tokenOf = tokenOf;
    }

    /** The same service, each user sending its access token instead of its password (a wrong password stays Basic). */
    public ApiClient withTokens(java.util.function.Function<String, String> tokenOf) {
        return new ApiClient(baseUrl, tokenOf);
    }

    public static ApiClient onPort(int port) {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** A response; {@code json} is {@link MissingNode} when the body is empty or not JSON. */
    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String body() {
            return raw.body();
        }
    }

    public Response get(String path, String user) {
        return get(path, user, java.util.Map.of());
    }

    public Response get(String path, String user, java.util.Map<String, String> headers) {
        var request = request(path, user).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET with the given password instead of the demo one, e.g. a wrong one. */
    public Response get(String path, String user, String password, java.util.Map<String, String> headers) {
        var request = request(path, user, password).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public Response delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    public Response post(String path, String user, String jsonBody) {
        return post(path, user, jsonBody, java.util.Map.of());
    }

    public Response post(String path, String user, String jsonBody, java.util.Map<String, String> headers) {
        var request = request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        headers.forEach(request::header);
        return send(request);
    }

    /** A POST of a body of another type, e.g. a CSV import. */
    public Response postRaw(String path, String user, String contentType, String body) {
        return send(request(path, user)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String user, String jsonBody) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /**
     * A request with any method, HEAD, OPTIONS, PATCH and TRACE included; {@code jsonBody} {@code null} sends no
     * body.
     */
    public Response send(String method, String path, String user, String jsonBody) {
        var request = request(path, user);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return send(request);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Demo users all have the password {@code demo}; {@code null} sends no credentials. */
    private HttpRequest.Builder request(String path, String user) {
        if (tokenOf != null && user != null) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokenOf.apply(user));
        }
        return request(path, user, "demo");
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String credentials = user + ":" + password;
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response, parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
