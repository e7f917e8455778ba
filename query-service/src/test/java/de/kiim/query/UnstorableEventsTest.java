package de.kiim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.events.PersonId;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.platform.crypto.PersonKeyStore;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events the projection cannot store as they are, already in the event store (written before the command side
 * refused such input, or by a bug): they must neither jam their segment nor keep the persons after them from being
 * projected. The persons after them are chosen in the same segment, the one such an event would jam.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
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

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PersonKeyStore keys;

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
        return new PersonRegistered(
                personId,
                LocalDate.of(2024, 5, 6),
                familyName,
                "Amal\u0000",
                LocalDate.of(2001, 1, 31),
                Sex.FEMALE,
                CountryCode.of("SY"),
                LocalDate.of(2023, 12, 1),
                null,
                MunicipalityCode.of("15085235"),
                AgeBand.on(LocalDate.of(2023, 12, 1), LocalDate.of(2001, 1, 31)));
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
        return jdbc.queryForObject(
                "select count(*) from query.person_card where person_id = ?", Integer.class, personId.value());
    }

    @Test
    void nul_characters_are_dropped_from_timeline_and_card_and_the_persons_after_them_are_projected() {
        PersonId withNul = PersonId.random();
        PersonId after = inSegmentOf(withNul);

        streams.append(withNul, 0, "abh-harz", List.of(registration(withNul, "Bei\u0000spiel")));
        streams.append(after, 0, "abh-harz", List.of(registration(after, "Danach")));

        await().atMost(Duration.ofSeconds(15)).until(() -> cards(withNul) == 2 && cards(after) == 2);
        assertThat(jdbc.queryForList(
                        "select family_name || '/' || given_names from query.person_card " + "where person_id = ?",
                        String.class,
                        withNul.value()))
                .containsOnly("Beispiel/Amal");
        JsonNode timeline =
                api.get("/api/v1/persons/" + withNul + "/timeline", "abh").json();
        assertThat(timeline.get(0).path("data").path("familyName").asText()).isEqualTo("Beispiel");
        assertThat(timeline.get(0).path("data").path("givenNames").asText()).isEqualTo("Amal");
    }

    int deadLetters(PersonId personId) {
        return jdbc.queryForObject(
                "select count(*) from event_store.dead_letter_entry where processing_group = "
                        + "'agency-views' and sequence_identifier = ?",
                Integer.class,
                personId.toString());
    }

    JsonNode segments() {
        JsonNode projections = api.get("/api/v1/admin/projections", "steward").json();
        assertThat(projections.get(0).path("name").asText()).isEqualTo("agency-views");
        return projections.get(0).path("segments");
    }

    /**
     * A family name too long for the card's column (stored before the rule, say) fails only when the batch
     * commits. The event is dead-lettered with the person's later event, no row of it stays, and the persons after
     * it in its segment are projected.
     */
    @Test
    void an_event_whose_write_fails_at_commit_is_dead_lettered_and_its_segment_goes_on() {
        PersonId failing = PersonId.random();
        PersonId after = inSegmentOf(failing);

        streams.append(failing, 0, "abh-harz", List.of(registration(failing, "Geheimname-" + "x".repeat(200))));
        streams.append(after, 0, "abh-harz", List.of(registration(after, "Danach")));
        streams.append(failing, 1, "abh-harz", List.of(new PersonMovedAway(failing, LocalDate.of(2024, 6, 1), null)));

        await().atMost(Duration.ofSeconds(60)).until(() -> cards(after) == 2 && deadLetters(failing) == 2);
        assertThat(cards(failing)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from query.timeline_entry where person_id = ?",
                        Integer.class,
                        failing.value()))
                .isZero();
        assertThat(jdbc.queryForList(
                        "select cause_type || ' ' || coalesce(cause_message, '') from "
                                + "event_store.dead_letter_entry where sequence_identifier = ? and cause_type is not null",
                        String.class,
                        failing.toString()))
                .singleElement()
                .asString()
                .endsWith("Exception SQL state 22001")
                .doesNotContain("Geheimname");
        // The only instance holds all four segments again.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(segments().findValuesAsText("claim"))
                        .containsExactly("HERE", "HERE", "HERE", "HERE"));

        assertThat(segments().findValues("error")).allMatch(JsonNode::isNull);
        assertThat(api.get("/api/v1/admin/projections", "steward")
                        .json()
                        .get(0)
                        .path("deadLetteredPersons")
                        .asLong())
                .isPositive();

        // The data steward sees what waits, without a payload, retries (it fails again) and gives up on it.
        String letters = "/api/v1/admin/projections/agency-views/dead-letters";
        var listed = api.get(letters, "steward");
        assertThat(listed.body())
                .contains(failing.toString(), "PersonRegistered", "PersonMovedAway", "22001")
                .doesNotContain("Geheimname");
        assertThat(api.get(letters, "analyst").status()).isEqualTo(403);
        var retried = api.post(letters + "/retry", "steward", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("attempted").asInt()).isPositive();
        assertThat(deadLetters(failing)).isEqualTo(2);
        assertThat(api.delete(letters + "/" + failing, "steward").status()).isEqualTo(204);
        // An agency's stream (a directory event) is named by the agency's id, which is no UUID.
        assertThat(api.delete(letters + "/abh-harz", "steward")
                        .json()
                        .path("rule")
                        .asText())
                .isEqualTo("dead-letters.none");
        assertThat(deadLetters(failing)).isZero();
        assertThat(api.get(letters, "steward").body()).doesNotContain(failing.toString());
        assertThat(context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                        .find("kiim.projection.dead.lettered.persons")
                        .tag("projection", "agency-views")
                        .gauge())
                .isNotNull();
    }

    /**
     * A write refused inside a handler (here the link rules' insert, which writes at once) aborts PostgreSQL's
     * transaction, so not even the dead letter could be written: the event too is dead-lettered on the retry event
     * by event, and the persons after it are projected.
     */
    @Test
    void an_event_whose_write_fails_inside_its_handler_is_dead_lettered_and_its_segment_goes_on() {
        PersonId failing = PersonId.random();
        PersonId after = inSegmentOf(failing);
        streams.append(failing, 0, "abh-harz", List.of(registration(failing, "Vorher")));
        await().atMost(Duration.ofSeconds(15)).until(() -> cards(failing) == 2);

        // The link rules store the enrolment's provider as they meet it, inside the handler.
        streams.append(
                failing,
                1,
                "abh-harz",
                List.of(new CourseEnrolled(
                        failing,
                        java.util.UUID.randomUUID(),
                        LocalDate.of(2024, 6, 1),
                        CourseType.INTEGRATION_GENERAL,
                        LocalDate.of(2024, 6, 3),
                        "vhs-harz\u0000")));
        streams.append(after, 0, "abh-harz", List.of(registration(after, "Danach")));

        await().atMost(Duration.ofSeconds(60)).until(() -> cards(after) == 2 && deadLetters(failing) == 1);
    }

    /**
     * A segment that cannot commit at all (here: its token cannot be stored) stays in the admin status, with the
     * failure's class and SQL state but not its message, and recovers once the cause is gone.
     */
    @Test
    void a_stuck_segment_is_shown_with_its_error_and_recovers() {
        PersonId personId = PersonId.random();
        int segment = personId.toString().hashCode() & (SEGMENTS - 1);
        jdbc.execute("""
                create or replace function event_store.refuse_token() returns trigger language plpgsql as $$
                begin raise exception 'Geheimname refused' using errcode = 'check_violation'; end $$""");
        jdbc.execute("create trigger refuse_token before update on event_store.token_entry for each row when "
                + "(new.processor_name = 'agency-views' and new.segment = " + segment
                + " and new.token is distinct from old.token) execute function event_store.refuse_token()");
        try {
            streams.append(personId, 0, "abh-harz", List.of(registration(personId, "Festgefahren")));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode stuck = segments().get(segment);
                assertThat(stuck.path("segment").asInt()).isEqualTo(segment);
                assertThat(stuck.path("claim").asText()).isIn("HERE", "NONE");
                assertThat(stuck.path("errorState").asBoolean()).isTrue();
                assertThat(stuck.path("error").path("sqlState").asText()).isEqualTo("23514");
                assertThat(stuck.path("error").path("type").asText()).isNotBlank();
            });
            assertThat(api.get("/api/v1/admin/projections", "steward").body()).doesNotContain("Geheimname");
            assertThat(cards(personId)).isZero();
        } finally {
            jdbc.execute("drop trigger refuse_token on event_store.token_entry");
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> cards(personId) == 2);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(segments().findValues("error")).allMatch(JsonNode::isNull));
    }

    /**
     * The finding's last harm: a person whose later event could not be projected was erased, and their card kept
     * the name and date of birth. The erasure must not wait behind the person's dead letters.
     */
    @Test
    void an_erasure_is_not_queued_behind_the_persons_dead_letters() {
        PersonId personId = PersonId.random();
        streams.append(personId, 0, "abh-harz", List.of(registration(personId, "Vorher")));
        await().atMost(Duration.ofSeconds(15)).until(() -> cards(personId) == 2);
        streams.append(
                personId,
                1,
                "abh-harz",
                List.of(new BaseDataCorrected(
                        personId,
                        LocalDate.of(2024, 6, 1),
                        "Geheimname-" + "x".repeat(200),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(personId) == 1);

        transactions.executeWithoutResult(status -> keys.destroy(personId));
        streams.append(
                personId,
                2,
                "abh-harz",
                List.of(new PersonDataErased(personId, LocalDate.of(2024, 6, 2), SupportEndReason.LEFT_GERMANY)));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> cards(personId) == 0
                        && deadLetters(personId) == 0
                        && jdbc.queryForObject(
                                        "select count(*) from query.timeline_entry where person_id = ?",
                                        Integer.class,
                                        personId.value())
                                == 0);
    }
}
