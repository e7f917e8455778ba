package de.kiim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.AgencyAccessEnded;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.counselling.CounsellingSessionHeld;
import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.erasure.LegalHoldPlaced;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.CounsellingTopic;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.ExamResult;
import de.kiim.events.vocabulary.LegalBasis;
import de.kiim.events.vocabulary.LegalHoldGround;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.ResidenceStatus;
import de.kiim.events.vocabulary.Sex;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** What each demo agency sees of a person, as the entitlement policy has it, over HTTP on real PostgreSQL. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service,test")
@ActiveProfiles("local")
class AgencyViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    ApiClient api;
    final PersonId personId = PersonId.random();
    final LocalDate day = LocalDate.of(2024, 3, 1);
    long sequence;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        append(
                "abh-harz",
                new PersonRegistered(
                        personId,
                        day,
                        "Sichtbarkeit",
                        "Testa",
                        LocalDate.of(1993, 3, 3),
                        Sex.FEMALE,
                        CountryCode.of("SY"),
                        LocalDate.of(2022, 2, 2),
                        "246813579024",
                        MunicipalityCode.of("15085135"),
                        AgeBand.on(LocalDate.of(2022, 2, 2), LocalDate.of(1993, 3, 3))));
    }

    private void append(String authorAgency, Object payload) {
        new PersonStreams(context).append(personId, sequence++, authorAgency, List.of(payload));
    }

    /** Waits until the views have processed every appended event, then reads the agency user's timeline. */
    private ApiClient.Response timeline(String user) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "\"%d\""
                        .formatted(sequence - 1)
                        .equals(api.get("/api/v1/persons/" + personId, "kim")
                                .header("ETag")
                                .orElse("")));
        return api.get("/api/v1/persons/" + personId + "/timeline", user);
    }

    private static List<String> types(ApiClient.Response timeline) {
        List<String> types = new ArrayList<>();
        timeline.json().forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }

    @Test
    void the_registering_authority_sees_base_data_and_residence_but_not_courses() {
        UUID course = UUID.randomUUID();
        append("abh-harz", new ResidenceStatusChanged(personId, day, ResidenceStatus.AE_25_1, null));
        append("vhs-harz", new CourseEnrolled(personId, course, day, CourseType.INTEGRATION_GENERAL, day, "vhs-harz"));

        assertThat(types(timeline("abh"))).containsExactly("PersonRegistered", "ResidenceStatusChanged");
        assertThat(api.get("/api/v1/persons/" + personId, "abh")
                        .json()
                        .path("residenceStatus")
                        .asText())
                .isEqualTo("AE_25_1");
    }

    @Test
    void the_course_provider_sees_only_its_participants_their_names_and_its_own_courses() {
        assertThat(timeline("sprachkurs").status()).isEqualTo(404);

        UUID own = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        append(
                "beratung-harz",
                new CounsellingSessionHeld(personId, day, Set.of(CounsellingTopic.HOUSING), "Wohnungssuche"));
        append(
                "jobcenter-harz",
                new CourseEnrolled(personId, other, day, CourseType.BERUFSSPRACHKURS_B2, day, "jobcenter-harz"));
        append("vhs-harz", new CourseEnrolled(personId, own, day, CourseType.INTEGRATION_GENERAL, day, "vhs-harz"));
        append(
                "vhs-harz",
                new CourseCompleted(personId, own, day.plusMonths(6), List.of(ExamResult.DTZ_B1), CefrLevel.B1));

        var timeline = timeline("sprachkurs");
        assertThat(types(timeline)).containsExactly("PersonRegistered", "CourseEnrolled", "CourseCompleted");
        JsonNode registration = timeline.json().get(0).path("data");
        assertThat(registration.path("familyName").asText()).isEqualTo("Sichtbarkeit");
        assertThat(registration.has("azrNumber")).isFalse();
        assertThat(registration.has("nationality")).isFalse();
        assertThat(timeline.json().get(1).path("data").path("enrolmentId").asText())
                .isEqualTo(own.toString());
        var card = api.get("/api/v1/persons/" + personId, "sprachkurs").json();
        assertThat(card.path("dateOfBirth").asText()).isEqualTo("1993-03-03");
        assertThat(card.path("azrNumber").isNull()).isTrue();
        assertThat(card.path("nationality").isNull()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from query.timeline_entry where agency_id = 'vhs-harz' "
                                + "and (data::text like '%Wohnungssuche%' or data ? 'azrNumber')",
                        Long.class))
                .isZero();
    }

    /**
     * Finding: a jammed view processor left an erased person's names in the cards. Erasure now runs in a processor
     * of its own: with the views stopped altogether, the person's rows still go.
     */
    @Test
    void erasure_reaches_the_views_while_their_processor_is_stopped() {
        timeline("abh");
        var views = context.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                .eventProcessor("agency-views")
                .orElseThrow();
        views.shutDown();
        try {
            append("kim-harz", new PersonDataErased(personId, day, SupportEndReason.DATA_SUBJECT_REQUEST));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from query.person_card where person_id = ?",
                                    Long.class,
                                    personId.value())
                            == 0);
            for (String table : List.of("timeline_entry", "person_link", "person_link_facts")) {
                assertThat(jdbc.queryForObject(
                                "select count(*) from query." + table + " where person_id = ?",
                                Long.class,
                                personId.value()))
                        .as(table)
                        .isZero();
            }
        } finally {
            views.start();
        }
    }

    /**
     * Finding: the course provider's timeline showed legal holds, moves and who registered the person, its card
     * the registering agency and the day of moving away — none of it a field the policy lets it read.
     */
    @Test
    void the_course_provider_gets_no_event_without_a_field_it_may_read_and_no_other_agencys_authors() {
        UUID own = UUID.randomUUID();
        append("abh-harz", new CourseEnrolled(personId, own, day, CourseType.INTEGRATION_GENERAL, day, "vhs-harz"));
        append("abh-harz", new PersonMovedWithinDistrict(personId, day, MunicipalityCode.of("15085235")));
        append("kim-harz", new LegalHoldPlaced(personId, day, LegalHoldGround.LEGAL_CLAIMS));
        append("abh-harz", new PersonMovedAway(personId, day.plusDays(1), MunicipalityCode.of("03241001")));
        append("abh-harz", new BaseDataCorrected(personId, day, null, null, null, Sex.DIVERSE, null, null, null, null));

        var timeline = timeline("sprachkurs");
        assertThat(types(timeline)).containsExactly("PersonRegistered", "CourseEnrolled");
        timeline.json()
                .forEach(entry -> assertThat(entry.path("author").isNull())
                        .as("another agency's user")
                        .isTrue());
        assertThat(timeline.json().get(0).path("agency").isNull())
                .as("who registered the person")
                .isTrue();
        var card = api.get("/api/v1/persons/" + personId, "sprachkurs").json();
        assertThat(card.path("registeredBy").isNull()).isTrue();
        assertThat(card.path("movedAwayOn").isNull()).isTrue();
        var abh = timeline("abh").json();
        assertThat(abh.get(0).path("author").isNull())
                .as("the agency's own entries name their author")
                .isFalse();
        assertThat(api.get("/api/v1/persons/" + personId, "abh")
                        .json()
                        .path("registeredBy")
                        .asText())
                .isEqualTo("abh-harz");
    }

    @Test
    void counselling_sees_a_person_only_while_a_consent_stands_and_gets_the_whole_view_back() {
        append("mbe-harz", new CounsellingSessionHeld(personId, day, Set.of(CounsellingTopic.DEBT), "Ratenplan"));
        assertThat(timeline("beratung").status()).isEqualTo(404);

        append(
                "mbe-harz",
                new ConsentGiven(
                        personId, day, ConsentPurpose.COUNSELLING, "mbe-harz", LegalBasis.GDPR_6_1_A, "MBE-7"));
        assertThat(types(timeline("beratung"))).containsExactly("PersonRegistered", "CounsellingSessionHeld");

        append("mbe-harz", new ConsentWithdrawn(personId, day, ConsentPurpose.COUNSELLING, "mbe-harz"));
        assertThat(timeline("beratung").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/persons/" + personId, "beratung").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "select count(*) from query.timeline_entry where agency_id = 'mbe-harz' and " + "person_id = ?",
                        Long.class,
                        personId.value()))
                .isZero();

        // Integration management reads the topics of counselling, never its contents.
        JsonNode session = timeline("kim").json().get(1).path("data");
        assertThat(session.path("topics").get(0).asText()).isEqualTo("DEBT");
        assertThat(session.has("agreedNextSteps")).isFalse();
    }

    @Test
    void the_jobcenter_sees_a_person_while_in_sgb_ii_and_by_case_sharing() {
        append("sozialamt-harz", new BenefitRegimeChanged(personId, day, BenefitRegime.ASYLBLG, null));
        assertThat(timeline("jobcenter").status()).isEqualTo(404);
        assertThat(types(timeline("sozialamt"))).containsExactly("PersonRegistered", "BenefitRegimeChanged");

        append("jobcenter-harz", new BenefitRegimeChanged(personId, day, BenefitRegime.SGB_II, BenefitRegime.ASYLBLG));
        assertThat(types(timeline("jobcenter")))
                .containsExactly("PersonRegistered", "BenefitRegimeChanged", "BenefitRegimeChanged");
        assertThat(timeline("sozialamt").status()).isEqualTo(404);

        append("jobcenter-harz", new BenefitRegimeChanged(personId, day, BenefitRegime.NONE, BenefitRegime.SGB_II));
        assertThat(timeline("jobcenter").status()).isEqualTo(404);
        append("abh-harz", new CaseSharedWithAgency(personId, day, "jobcenter-harz", LegalBasis.SGB_X_69));
        assertThat(timeline("jobcenter").status()).isEqualTo(200);
        append("abh-harz", new AgencyAccessEnded(personId, day, "jobcenter-harz"));
        assertThat(timeline("jobcenter").status()).isEqualTo(404);
    }
}
