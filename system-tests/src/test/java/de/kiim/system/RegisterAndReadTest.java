package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The first slice end to end: register through the command API, read timeline and card through the query API. */
class RegisterAndReadTest {

    private final RunningSystem system = RunningSystem.instance();

    private static final AtomicInteger REGISTERED = new AtomicInteger();

    /** A synthetic person of its own each time: numbered name and AZR number, so none is a likely duplicate. */
    static Map<String, Object> person() {
        int number = REGISTERED.incrementAndGet();
        return Map.of(
                "familyName", "Testfall-Oberharz-" + number,
                "givenNames", "Nura Sami",
                "dateOfBirth", "1995-05-17",
                "sex", "DIVERSE",
                "nationality", "ER",
                "entryDate", "2024-01-08",
                "azrNumber", "%012d".formatted(112233445566L + number),
                "municipality", "15085370",
                "registeredOn", "2024-02-01");
    }

    private String register() {
        return registerSomeone(system);
    }

    static String registerSomeone(RunningSystem system) {
        var response = system.commands.post("/api/v1/persons", "abh", ApiClient.json(person()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("personId").asText();
    }

    @Test
    void a_registered_person_appears_in_timeline_and_card_with_author_agency_and_times() {
        String personId = register();

        JsonNode timeline = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> system.queries.get("/api/v1/persons/" + personId + "/timeline", "abh"),
                        response -> response.status() == 200)
                .json();

        assertThat(timeline).hasSize(1);
        JsonNode entry = timeline.get(0);
        assertThat(entry.path("type").asText()).isEqualTo("PersonRegistered");
        assertThat(entry.path("author").asText()).isEqualTo("abh");
        assertThat(entry.path("agency").asText()).isEqualTo("abh-harz");
        assertThat(entry.path("occurredAt").asText()).isEqualTo("2024-02-01");
        assertThat(entry.path("recordedAt").asText())
                .startsWith(java.time.LocalDate.now().getYear() + "-");
        assertThat(entry.path("data").path("familyName").asText()).startsWith("Testfall-Oberharz-");
        assertThat(entry.path("data").path("nationality").asText()).isEqualTo("ERI");
        assertThat(entry.path("data").has("personId")).isFalse();

        JsonNode card = system.queries.get("/api/v1/persons/" + personId, "abh").json();
        assertThat(card.path("personId").asText()).isEqualTo(personId);
        assertThat(card.path("givenNames").asText()).isEqualTo("Nura Sami");
        assertThat(card.path("dateOfBirth").asText()).isEqualTo("1995-05-17");
        assertThat(card.path("municipality").asText()).isEqualTo("15085370");
        assertThat(card.path("registeredBy").asText()).isEqualTo("abh-harz");
    }

    @Test
    void the_location_of_a_registration_is_the_card_on_the_query_service() {
        var response = system.commands.post("/api/v1/persons", "abh", ApiClient.json(person()));
        String personId = response.json().path("personId").asText();
        assertThat(response.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith(":8082/api/v1/persons/" + personId));
    }

    @Test
    void an_unknown_person_is_404_and_a_malformed_id_400() {
        String unknown = "/api/v1/persons/" + UUID.randomUUID();
        assertThat(system.queries.get(unknown, "abh").status()).isEqualTo(404);
        assertThat(system.queries.get(unknown + "/timeline", "abh").status()).isEqualTo(404);
        var malformed = system.queries.get("/api/v1/persons/not-a-uuid/timeline", "abh");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errors").get(0).path("field").asText())
                .isEqualTo("personId");
    }

    @Test
    void reads_need_credentials_and_the_caseworker_role() {
        String personId = register();
        String timeline = "/api/v1/persons/" + personId + "/timeline";
        assertThat(system.queries.get(timeline, null).status()).isEqualTo(401);
        assertThat(system.queries.get("/api/v1/persons/" + personId, null).status())
                .isEqualTo(401);
        assertThat(system.queries.get(timeline, "analyst").status()).isEqualTo(403);
        assertThat(system.queries.get(timeline, "auditor").status()).isEqualTo(403);
        assertThat(system.queries.get("/actuator/health", null).status()).isEqualTo(200);
    }
}
