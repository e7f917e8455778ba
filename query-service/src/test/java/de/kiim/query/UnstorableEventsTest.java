package de.kiim.query;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.events.PersonId;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events the projection cannot store as they are, already in the event store (written before the command side
 * refused such input, or by a bug): they must neither jam their segment nor keep the persons after them from being
 * projected. The persons after them are chosen in the same segment, the one such an event would jam.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service,test")
@ActiveProfiles("local")
// A failed event leaves a dead letter and its segment's processor state behind; other tests should not meet it.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UnstorableEventsTest {

    /** The processor's segments: agency-views has 4, and a person's events go to the segment of their id's hash. */
    private static final int SEGMENTS = 4;

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    ApiClient api;
    PersonStreams streams;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        streams = new PersonStreams(context);
    }

    static PersonRegistered registration(PersonId personId, String familyName) {
        return new PersonRegistered(personId, LocalDate.of(2024, 5, 6), familyName, "Amal\u0000",
                LocalDate.of(2001, 1, 31), Sex.FEMALE, CountryCode.of("SY"), LocalDate.of(2023, 12, 1), null,
                MunicipalityCode.of("15085235"));
    }

    static PersonId inSegmentOf(PersonId other) {
        int segment = other.toString().hashCode() & (SEGMENTS - 1);
        PersonId personId;
        do {
            personId = PersonId.random();
        } while ((personId.toString().hashCode() & (SEGMENTS - 1)) != segment);
        return personId;
    }

    int cards(PersonId personId) {
        return jdbc.queryForObject("select count(*) from query.person_card where person_id = ?", Integer.class,
                personId.value());
    }

    @Test
    void nul_characters_are_dropped_from_timeline_and_card_and_the_persons_after_them_are_projected() {
        PersonId withNul = PersonId.random();
        PersonId after = inSegmentOf(withNul);

        streams.append(withNul, 0, "abh-harz", List.of(registration(withNul, "Bei\u0000spiel")));
        streams.append(after, 0, "abh-harz", List.of(registration(after, "Danach")));

        await().atMost(Duration.ofSeconds(15)).until(() -> cards(withNul) == 2 && cards(after) == 2);
        assertThat(jdbc.queryForList("select family_name || '/' || given_names from query.person_card "
                + "where person_id = ?", String.class, withNul.value())).containsOnly("Beispiel/Amal");
        JsonNode timeline = api.get("/api/v1/persons/" + withNul + "/timeline", "abh").json();
        assertThat(timeline.get(0).path("data").path("familyName").asText()).isEqualTo("Beispiel");
        assertThat(timeline.get(0).path("data").path("givenNames").asText()).isEqualTo("Amal");
    }
}
