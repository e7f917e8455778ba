package de.kiim.identity;

import de.kiim.platform.security.AgencyDirectory;
import de.kiim.platform.security.KiimUser;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agency systems' clients, kept by data stewards (with a token of this provider): create one for an agency, give
 * it a new secret, revoke it. The secret is in the answer to the creation or rotation only.
 */
@RestController
@RequestMapping("/api/v1/agency-systems")
class AgencySystemController {

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z][a-z0-9-]{2,63}");

    private final AgencySystemClients clients;
    private final AgencyDirectory directory;
    private final IdentitySettings settings;

    AgencySystemController(AgencySystemClients clients, AgencyDirectory directory, IdentitySettings settings) {
        this.clients = clients;
        this.directory = directory;
        this.settings = settings;
    }

    record NewClient(String clientId, String agency) {}

    record Secret(String clientId, String clientSecret) {}

    @GetMapping
    List<AgencySystemClients.Client> all() {
        return clients.all();
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody NewClient request, @AuthenticationPrincipal KiimUser steward) {
        if (request.clientId() == null || !CLIENT_ID.matcher(request.clientId()).matches()) {
            return invalid(
                    "clientId", "must be 3 to 64 lower-case letters, digits or hyphens, beginning with a letter");
        }
        if (request.agency() == null || directory.kindOf(request.agency()).isEmpty()) {
            return invalid("agency", "must be an open agency of the directory");
        }
        // A client's id is the user name its commands are recorded under: never a person's, nor a configured
        // client's, which would shadow it.
        if (directory.isKnown(request.clientId()) || isConfigured(request.clientId())) {
            return problem(HttpStatus.CONFLICT, "client.id-taken", "This id names a user or a configured client.");
        }
        return clients.create(request.clientId(), request.agency(), steward.getUsername())
                .<ResponseEntity<?>>map(
                        secret -> ResponseEntity.created(URI.create("/api/v1/agency-systems/" + request.clientId()))
                                .body(new Secret(request.clientId(), secret)))
                .orElseGet(() ->
                        problem(HttpStatus.CONFLICT, "client.id-taken", "A client with this id exists or existed."));
    }

    @PostMapping("/{clientId}/secret")
    ResponseEntity<?> rotate(@PathVariable String clientId, @AuthenticationPrincipal KiimUser steward) {
        return clients.rotate(clientId, steward.getUsername())
                .<ResponseEntity<?>>map(secret -> ResponseEntity.ok(new Secret(clientId, secret)))
                .orElseGet(AgencySystemController::unknown);
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<?> revoke(@PathVariable String clientId, @AuthenticationPrincipal KiimUser steward) {
        return clients.revoke(clientId, steward.getUsername())
                ? ResponseEntity.noContent().build()
                : unknown();
    }

    private boolean isConfigured(String clientId) {
        return clientId.equals(settings.web().clientId())
                || settings.agencySystems().stream()
                        .anyMatch(system -> system.clientId().equals(clientId));
    }

    private static ResponseEntity<?> unknown() {
        return problem(HttpStatus.NOT_FOUND, "client.unknown", "No active agency-system client with this id.");
    }

    private static ResponseEntity<?> invalid(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is invalid.");
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<?> problem(HttpStatus status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:kiim:problem:" + rule));
        problem.setProperty("rule", rule);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
