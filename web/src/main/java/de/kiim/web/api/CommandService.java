package de.kiim.web.api;

import java.util.UUID;
import org.springframework.web.client.RestClient;

/** The command service's steps, each sent as the signed-in user. */
public class CommandService {

    private final RestClient http;

    CommandService(RestClient http) {
        this.http = http;
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
        String tag = answer.getHeaders().getETag();
        return tag == null ? 0 : Long.parseLong(tag.replaceAll("\\D", ""));
    }
}
