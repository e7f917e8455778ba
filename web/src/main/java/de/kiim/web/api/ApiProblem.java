package de.kiim.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A service's refusal (4xx) with its problem detail (RFC 9457): the status, the rule it names, its detail, and the
 * fields it refused with the reason for each, so that a form can show every reason at the field it names.
 */
public final class ApiProblem extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One refused field, e.g. {@code heldOn}: "must be a date in the past or in the present". */
    public record FieldError(String field, String reason) {}

    private final int status;
    private final String rule;
    private final String detail;
    private final List<FieldError> errors;
    private final List<String> candidates;

    ApiProblem(int status, String rule, String detail, List<FieldError> errors, List<String> candidates) {
        super("The service refused the request with " + status + (rule == null ? "" : " (" + rule + ")"));
        this.status = status;
        this.rule = rule;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.candidates = List.copyOf(candidates);
    }

    static void read(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        JsonNode body;
        try {
            body = JSON.readTree(response.getBody());
        } catch (IOException notJson) {
            body = JSON.createObjectNode();
        }
        List<FieldError> errors = new ArrayList<>();
        body.path("errors")
                .forEach(error -> errors.add(new FieldError(
                        error.path("field").asText(), error.path("reason").asText())));
        List<String> candidates = new ArrayList<>();
        body.path("candidates").forEach(candidate -> candidates.add(candidate.asText()));
        throw new ApiProblem(
                status,
                body.hasNonNull("rule") ? body.get("rule").asText() : null,
                body.hasNonNull("detail") ? body.get("detail").asText() : null,
                errors,
                candidates);
    }

    public int status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The persons a registration is likely a duplicate of, where the caller's agency sees them all. */
    public List<String> candidates() {
        return candidates;
    }

    /** The reasons by field, for a form; a field refused twice shows both reasons. */
    public Map<String, String> byField() {
        return errors.stream()
                .collect(Collectors.toMap(
                        FieldError::field, FieldError::reason, (a, b) -> a + "; " + b, java.util.LinkedHashMap::new));
    }

    /** Whether the service answered as for a person the caller's agency does not see (or one that is gone). */
    public boolean isNotFound() {
        return status == 404;
    }
}
