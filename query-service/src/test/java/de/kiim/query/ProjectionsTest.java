package de.kiim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.kiim.events.EventMetadata;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.counselling.CounsellingSessionHeld;
import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.education.PreviousOccupationRecorded;
import de.kiim.events.employment.EmploymentStarted;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.language.LanguageLevelAssessed;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.AssessmentMethod;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.CounsellingTopic;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.EmploymentKind;
import de.kiim.events.vocabulary.ExamResult;
import de.kiim.events.vocabulary.KldbCode;
import de.kiim.events.vocabulary.LanguageSkill;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.ResidenceStatus;
import de.kiim.events.vocabulary.Sex;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.platform.crypto.PersonKeyStore;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The projections against real PostgreSQL, fed through the event store as the command service feeds them. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service,test")
@ActiveProfiles("local")
class ProjectionsTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processors;

    @Autowired
    PersonKeyStore keys;

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
    }

    private PersonRegistered registration(PersonId personId) {
        return new PersonRegistered(
                personId,
                LocalDate.of(2024, 5, 6),
                "Projektionstest",
                null,
                LocalDate.of(2001, 1, 31),
                Sex.MALE,
                CountryCode.of("IQ"),
                LocalDate.of(2023, 12, 1),
                null,
                MunicipalityCode.of("15085235"),
                AgeBand.on(LocalDate.of(2023, 12, 1), LocalDate.of(2001, 1, 31)));
    }

    private void append(PersonId personId, long sequence, Object payload) {
        append(personId, sequence, payload, "2024-05-07T08:15:30Z");
    }

    private void append(PersonId personId, long sequence, Object payload, String recordedAt) {
        var metadata = MetaData.from(Map.of(
                EventMetadata.USER,
                "abh",
                EventMetadata.AGENCY,
                "abh-harz",
                EventMetadata.RECORDED_AT,
                recordedAt,
                EventMetadata.CORRELATION_ID,
                "test"));
        transactions.executeWithoutResult(status -> {
            if (sequence == 0) {
                keys.issue(personId); // as the command side does on registration
            }
            eventStore.publish(
                    new GenericDomainEventMessage<>("Person", personId.toString(), sequence, payload, metadata));
        });
    }

    private int rows(String table, PersonId personId) {
        return jdbc.queryForObject(
                "select count(*) from query." + table + " where person_id = ?", Integer.class, personId.value());
    }

    @Test
    void a_registration_becomes_a_timeline_entry_and_a_card() {
        PersonId personId = PersonId.random();
        append(personId, 0, registration(personId));

        // The registering agency and integration management (linked to all persons) each get their rows.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rows("timeline_entry", personId) == 2 && rows("person_card", personId) == 2);

        var timeline =
                api.get("/api/v1/persons/" + personId + "/timeline", "abh").json();
        assertThat(timeline.get(0).path("recordedAt").asText()).isEqualTo("2024-05-07T08:15:30Z");
        assertThat(timeline.get(0).path("occurredAt").asText()).isEqualTo("2024-05-06");
        assertThat(timeline.get(0).path("category").asText()).isEqualTo("BASE_DATA");
        assertThat(timeline.get(0).path("data").path("givenNames").isNull()).isTrue();
        var response = api.get("/api/v1/persons/" + personId, "abh");
        assertThat(response.json().path("nationality").asText()).isEqualTo("IRQ");
        assertThat(response.json().path("registeredOn").asText()).isEqualTo("2024-05-06");
        assertThat(response.header("ETag")).hasValue("\"0\"");
    }

    @Test
    void erasure_removes_the_persons_rows_and_a_replay_does_not_bring_them_back() {
        PersonId erased = PersonId.random();
        PersonId kept = PersonId.random();
        append(erased, 0, registration(erased));
        append(kept, 0, registration(kept));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rows("person_card", erased) == 2 && rows("person_card", kept) == 2);

        transactions.executeWithoutResult(status -> keys.destroy(erased));
        append(erased, 1, new PersonDataErased(erased, LocalDate.of(2024, 6, 1), SupportEndReason.LEFT_GERMANY));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rows("person_card", erased) == 0 && rows("timeline_entry", erased) == 0);
        assertThat(api.get("/api/v1/persons/" + erased + "/timeline", "abh").status())
                .isEqualTo(404);

        replayAll();

        assertThat(rows("person_card", erased)).isZero();
        assertThat(rows("timeline_entry", erased)).isZero();
        assertThat(api.get("/api/v1/persons/" + kept, "abh")
                        .json()
                        .path("familyName")
                        .asText())
                .isEqualTo("Projektionstest");
    }

    @Test
    void an_event_read_after_its_key_is_gone_is_an_erased_entry() {
        PersonId personId = PersonId.random();
        transactions.executeWithoutResult(status -> {
            keys.issue(personId);
            eventStore.publish(new GenericDomainEventMessage<>(
                    "Person", personId.toString(), 0, registration(personId), MetaData.emptyInstance()));
            keys.destroy(personId); // as if erased before this projection caught up
        });

        // No author recorded: only integration management, linked to all persons, sees the person.
        await().atMost(Duration.ofSeconds(10)).until(() -> rows("timeline_entry", personId) == 1);

        var entry = api.get("/api/v1/persons/" + personId + "/timeline", "kim")
                .json()
                .get(0);
        assertThat(entry.path("erased").asBoolean()).isTrue();
        assertThat(entry.path("data").path("familyName").asText()).isEqualTo("[erased]");
        assertThat(entry.path("data").path("dateOfBirth").isNull()).isTrue();
        assertThat(entry.path("data").path("nationality").asText()).isEqualTo("IRQ");
        assertThat(api.get("/api/v1/persons/" + personId, "kim")
                        .json()
                        .path("familyName")
                        .asText())
                .isEqualTo("[erased]");
    }

    @Test
    void every_step_is_on_the_timeline_with_labels_and_the_card_follows_the_persons_situation() {
        PersonId personId = PersonId.random();
        LocalDate day = LocalDate.of(2024, 6, 3);
        UUID course = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        List<Object> history = List.of(
                registration(personId),
                new BaseDataCorrected(personId, day, null, "Korrigiert", null, Sex.DIVERSE, null, null, null, null),
                new ResidenceStatusChanged(personId, day, ResidenceStatus.AE_24, day.plusYears(2)),
                new BenefitRegimeChanged(personId, day, BenefitRegime.SGB_II, null),
                new LanguageLevelAssessed(
                        personId, day, LanguageSkill.OVERALL, CefrLevel.A2, AssessmentMethod.PLACEMENT_TEST),
                new CourseEnrolled(personId, course, day, CourseType.INTEGRATION_GENERAL, day, "vhs-harz"),
                new CourseCompleted(personId, course, day.plusMonths(8), List.of(ExamResult.DTZ_B1), CefrLevel.B1),
                new PreviousOccupationRecorded(personId, day, KldbCode.of("43412"), 3, CountryCode.of("UA")),
                new EmploymentStarted(personId, job, day, KldbCode.of("43412"), EmploymentKind.EMPLOYMENT, 40),
                new CounsellingSessionHeld(personId, day, Set.of(CounsellingTopic.HOUSING), null),
                new PersonMovedAway(personId, day.plusYears(1), null));
        for (int sequence = 0; sequence < history.size(); sequence++) {
            append(personId, sequence, history.get(sequence));
        }
        long last = history.size() - 1;
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rows("timeline_entry", personId) > 0
                        && "\"%d\""
                                .formatted(last)
                                .equals(api.get("/api/v1/persons/" + personId, "kim")
                                        .header("ETag")
                                        .orElse("")));

        var german = api.get("/api/v1/persons/" + personId + "/timeline", "kim").json();
        var english = api.get(
                        "/api/v1/persons/" + personId + "/timeline", "kim", Map.of("Accept-Language", "en-GB,en;q=0.9"))
                .json();
        assertThat(german.get(6).path("title").asText()).isEqualTo("Kurs abgeschlossen");
        assertThat(english.get(6).path("title").asText()).isEqualTo("Course completed");
        assertThat(german.get(6).path("labels").path("examResults").get(0).asText())
                .isEqualTo("DTZ bestanden mit B1");
        assertThat(english.get(2).path("labels").path("status").asText()).contains("temporary protection");
        assertThat(german.get(7).path("labels").path("country").asText()).isEqualTo("Ukraine");
        assertThat(english.get(7).path("labels").path("occupation").asText())
                .isEqualTo("Computer science, information and communication technology – Skilled work");
        assertThat(english.get(0).path("labels").path("sex").asText()).isEqualTo("male");

        var card = api.get("/api/v1/persons/" + personId, "kim", Map.of("Accept-Language", "en"))
                .json();
        assertThat(card.path("givenNames").asText()).isEqualTo("Korrigiert");
        assertThat(card.path("familyName").asText()).isEqualTo("Projektionstest");
        assertThat(card.path("sex").asText()).isEqualTo("DIVERSE");
        assertThat(card.path("residenceStatus").asText()).isEqualTo("AE_24");
        assertThat(card.path("benefitRegime").asText()).isEqualTo("SGB_II");
        assertThat(card.path("movedAwayOn").asText()).isEqualTo("2025-06-03");
        assertThat(card.path("labels").path("nationality").asText()).isEqualTo("Iraq");
        assertThat(card.path("labels").path("benefitRegime").asText()).startsWith("SGB II");
    }

    /** initial-segment-count of the processors (query-service.yml). */
    private static final int SEGMENTS = 4;

    /** Rebuilds the views from the first event; returns once they are past the replay. */
    private void replayAll() {
        var replayed = java.util.stream.Stream.of("agency-views")
                .map(group -> processors
                        .eventProcessor(group, StreamingEventProcessor.class)
                        .orElseThrow())
                .toList();
        for (StreamingEventProcessor processor : replayed) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        // A replay ends with the first event after the reset point.
        PersonId marker = PersonId.random();
        append(marker, 0, registration(marker));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rows("timeline_entry", marker) == 2
                        && rows("person_card", marker) == 2
                        // Every segment claimed again (the replay empties all views first), caught up, and past the
                        // replay.
                        && replayed.stream()
                                .allMatch(processor ->
                                        processor.processingStatus().size() == SEGMENTS
                                                && processor.processingStatus().values().stream()
                                                        .allMatch(status ->
                                                                status.isCaughtUp() && !status.isReplaying())));
    }

    @Test
    void a_timeline_as_of_a_past_time_holds_what_was_recorded_by_then_whatever_day_it_happened() {
        PersonId personId = PersonId.random();
        append(personId, 0, registration(personId), "2024-05-07T08:15:30Z");
        // Happened in 2024, recorded only in 2025.
        append(
                personId,
                1,
                new ResidenceStatusChanged(personId, LocalDate.of(2024, 6, 1), ResidenceStatus.AE_24, null),
                "2025-03-01T10:00:00Z");
        await().atMost(Duration.ofSeconds(10)).until(() -> rows("timeline_entry", personId) == 4);
        String timeline = "/api/v1/persons/" + personId + "/timeline";

        var then = api.get(timeline + "?asOf=2024-12-31T23:59:59Z", "abh");
        var now = api.get(timeline, "abh");
        var before = api.get(timeline + "?asOf=2024-01-01T00:00:00Z", "abh");

        assertThat(then.json().findValuesAsText("type")).containsExactly("PersonRegistered");
        assertThat(now.json().findValuesAsText("type")).containsExactly("PersonRegistered", "ResidenceStatusChanged");
        assertThat(before.status()).as("not known yet").isEqualTo(404);
        assertThat(api.get(timeline + "?asOf=2999-01-01T00:00:00Z", "abh").status())
                .isEqualTo(400);
        assertThat(api.get(timeline + "?asOf=gestern", "abh").status()).isEqualTo(400);
    }

    @Test
    void a_replay_rebuilds_what_is_missing_and_writes_nothing_twice() {
        PersonId personId = PersonId.random();
        append(personId, 0, registration(personId));
        await().atMost(Duration.ofSeconds(10)).until(() -> rows("timeline_entry", personId) == 2);

        // The card row goes missing; the timeline row stays. A replay restores the first and doubles neither.
        jdbc.update("delete from query.person_card where person_id = ? and agency_id = 'abh-harz'", personId.value());
        replayAll();

        await().atMost(Duration.ofSeconds(10)).until(() -> rows("person_card", personId) == 2);
        assertThat(rows("timeline_entry", personId)).isEqualTo(2);
    }
}
