package de.kiim.web.api;

import java.util.Map;
import java.util.UUID;
import org.springframework.web.client.RestClient;

/** The command service's steps, each sent as the signed-in user. */
public class CommandService {

    private final RestClient http;

    CommandService(RestClient http) {
        this.http = http;
    }

    /** A registered person: the id, and the person's version, by which a page waits until the views show them. */
    public record Registered(UUID personId, long version) {}

    /** Registers a person (the body as {@code POST /api/v1/persons} takes it). */
    public Registered register(Object body) {
        var answer = http.post().uri("/api/v1/persons").body(body).retrieve().toEntity(Map.class);
        return new Registered(
                UUID.fromString(String.valueOf(answer.getBody().get("personId"))),
                version(answer.getHeaders().getETag()));
    }

    /**
     * Records a step about a person, e.g. {@code counselling-sessions}, and answers the person's version after it
     * (the command's ETag), by which a page waits until the views show the step.
     */
    public long record(UUID personId, String step, Object body) {
        var answer = http.post()
                .uri("/api/v1/persons/{id}/{step}", personId, step)
                .body(body)
                .retrieve()
                .toBodilessEntity();
        return version(answer.getHeaders().getETag());
    }

    /** Erases a person's data now (DATA_STEWARD): their data key is destroyed, every view of them goes. */
    public void erase(UUID personId, String reason) {
        http.post()
                .uri("/api/v1/persons/{id}/erasure", personId)
                .body(Map.of("reason", reason))
                .retrieve()
                .toBodilessEntity();
    }

    private static long version(String entityTag) {
        return entityTag == null ? 0 : Long.parseLong(entityTag.replaceAll("\\D", ""));
    }
}
