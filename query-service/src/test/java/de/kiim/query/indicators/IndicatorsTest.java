package de.kiim.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.EventMetadata;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseDroppedOut;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.course.CourseInterrupted;
import de.kiim.events.course.CourseResumed;
import de.kiim.events.employment.EmploymentStarted;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.targets.TargetSet;
import de.kiim.events.targets.TargetWithdrawn;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.DropOutReason;
import de.kiim.events.vocabulary.EmploymentKind;
import de.kiim.events.vocabulary.ExamResult;
import de.kiim.events.vocabulary.InterruptionReason;
import de.kiim.events.vocabulary.KldbCode;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.events.vocabulary.TargetComparison;
import de.kiim.events.vocabulary.TargetReason;
import de.kiim.platform.crypto.PersonKeyStore;
import de.kiim.testsupport.ApiClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/**
 * The indicators over HTTP against real PostgreSQL, fed through the event store: small populations whose figures are
 * computed by hand. Each test has an arrival year of its own that no other person in the database has, so the
 * tables hold exactly its population. Counts carry the cell-key noise (at most ±2); statistics are exact.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service,test")
@ActiveProfiles("local")
class IndicatorsTest {

    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-06-01T00:00:00Z");
    private static final KldbCode COOK = KldbCode.of("29302");

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PersonKeyStore keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processors;

    @LocalServerPort
    int port;

    ApiClient api;
    int year;
    LocalDate entry;
    LocalDate referenceDate;
    final List<PersonId> persons = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        year = unusedYear();
        entry = LocalDate.of(year, 1, 1);
        referenceDate = entry.plusDays(730);
    }

    /**
     * Twelve persons arriving on the same day. Women: employed after 100, 200 and 300 days, one moved away after 150
     * days, two not employed. Men: employed after 50, 60, 70, 80, 90 and 400 days — the last recorded late.
     */
    private void twelvePersons() {
        for (int days : new int[] {100, 200, 300}) {
            employedAfter(Sex.FEMALE, days, EARLY);
        }
        PersonId movedAway = register(Sex.FEMALE, "SYR");
        append(movedAway, 1, new PersonMovedAway(movedAway, entry.plusDays(150), null), EARLY);
        register(Sex.FEMALE, "SYR");
        register(Sex.FEMALE, "AFG");
        for (int days : new int[] {50, 60, 70, 80, 90}) {
            employedAfter(Sex.MALE, days, EARLY);
        }
        employedAfter(Sex.MALE, 400, LATE);
        awaitProjected(12);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> factsOfTheYear("EMPLOYMENT_STARTED") == 9 && factsOfTheYear("MOVED_AWAY") == 1);
    }

    /** Facts of one kind of the persons who entered in this test's year. */
    private long factsOfTheYear(String kind) {
        return jdbc.queryForObject("""
                select count(*) from statistics.fact f
                 where f.kind = ? and exists (select 1 from statistics.fact e where e.subject = f.subject
                                              and e.kind = 'ENTRY' and e.since between ? and ?)""", Long.class, kind, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * Ten persons in a general integration course, enrolled 30 days after entry, waiting 10, 20 … 100 days for it.
     * Six complete it with B1 after 400 days, five of them employed from day 450; two with A2, one of them after an
     * interruption (day 200, resumed 220); two drop out on day 300, one of whom enrols in a job-related B1 course on
     * day 350 that begins ten days later.
     */
    private void tenCourseParticipants() {
        for (int i = 1; i <= 10; i++) {
            PersonId personId = register(i % 2 == 0 ? Sex.MALE : Sex.FEMALE, "SYR");
            UUID course = UUID.randomUUID();
            List<Object> path = new ArrayList<>();
            path.add(new CourseEnrolled(
                    personId,
                    course,
                    entry.plusDays(30),
                    CourseType.INTEGRATION_GENERAL,
                    entry.plusDays(30 + 10 * i),
                    "vhs-harz"));
            if (i <= 6) {
                path.add(new CourseCompleted(
                        personId, course, entry.plusDays(400), List.of(ExamResult.DTZ_B1), CefrLevel.B1));
                if (i <= 5) {
                    path.add(new EmploymentStarted(
                            personId, UUID.randomUUID(), entry.plusDays(450), COOK, EmploymentKind.EMPLOYMENT, 30));
                }
            } else if (i <= 8) {
                if (i == 7) {
                    path.add(new CourseInterrupted(personId, course, entry.plusDays(200), InterruptionReason.ILLNESS));
                    path.add(new CourseResumed(personId, course, entry.plusDays(220)));
                }
                path.add(new CourseCompleted(
                        personId, course, entry.plusDays(400), List.of(ExamResult.DTZ_A2), CefrLevel.A2));
            } else {
                path.add(new CourseDroppedOut(personId, course, entry.plusDays(300), DropOutReason.values()[0]));
                if (i == 9) {
                    path.add(new CourseEnrolled(
                            personId,
                            UUID.randomUUID(),
                            entry.plusDays(350),
                            CourseType.BERUFSSPRACHKURS_B1,
                            entry.plusDays(360),
                            "vhs-harz"));
                }
            }
            for (int step = 0; step < path.size(); step++) {
                append(personId, step + 1, path.get(step), EARLY);
            }
        }
        awaitProjected(10);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from statistics.fact f where kind = 'COURSE_ENROLLED' and exists (select 1 from"
                                        + " statistics.fact e where e.subject = f.subject and e.kind = 'ENTRY' and e.since = ?)",
                                Long.class,
                                entry)
                        == 11);
    }

    @Test
    void course_outcomes_count_each_participation_with_its_own_outcome() {
        tenCourseParticipants();

        JsonNode total = indicator("course-outcomes", "").json().path("total");
        JsonNode byType = indicator("course-outcomes", "groupBy=courseType").json();

        assertCount(total.path("persons"), 10);
        assertCount(total.path("completed"), 8);
        assertCount(total.path("certifiedB1"), 6);
        assertThat(total.path("certifiedA2").isNull()).as("two persons").isTrue();
        assertThat(total.path("interrupted").isNull()).isTrue();
        assertThat(total.path("reEntered").isNull())
                .as("the resumed one and the one who enrolled again")
                .isTrue();
        assertThat(total.path("certifiedC1").asLong()).isZero();
        // The job-related course has one participant; the general course's cell would give it away beside the total.
        assertThat(byType.path("cells")).hasSize(2);
        byType.path("cells")
                .forEach(cell -> assertThat(cell.path("suppressed").asBoolean()).isTrue());
    }

    @Test
    void waiting_time_runs_from_enrolment_to_the_first_course_day() {
        tenCourseParticipants();

        JsonNode total = indicator("waiting-time", "").json().path("total");

        // Eleven courses begun: waits 10, 10, 20 … 100 days.
        assertThat(total.path("medianDays").asDouble()).isEqualTo(50.0);
        assertThat(total.path("meanDays").asDouble()).as("50.9, to whole days").isEqualTo(51);
        assertThat(total.path("shareWithin6Weeks").asDouble()).isEqualTo(0.45);
    }

    @Test
    void employment_after_course_looks_six_months_after_its_end() {
        tenCourseParticipants();

        JsonNode total = indicator("employment-after-course", "").json().path("total");

        assertCount(total.path("persons"), 10);
        assertCount(total.path("employed"), 5);
        double share =
                (double) total.path("employed").asLong() / total.path("persons").asLong();
        assertThat(total.path("share").asDouble())
                .as("from the published counts, so that it does not undo their noise")
                .isEqualTo(Math.round(Math.round(share / 0.05) * 0.05 * 100) / 100.0);
    }

    @Test
    void benefit_transitions_count_the_changes_within_the_period_and_withhold_the_rare_one() {
        LocalDate handOver = entry.plusDays(400); // in the first quarter of the second year
        changeRegimes(7, BenefitRegime.ASYLBLG, BenefitRegime.SGB_II, handOver);
        changeRegimes(2, BenefitRegime.ASYLBLG, BenefitRegime.SGB_XII, handOver);
        changeRegimes(6, BenefitRegime.SGB_III, BenefitRegime.SGB_II, handOver);
        awaitProjected(15);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from statistics.fact f where kind = 'BENEFIT_REGIME' and occurred_on = ?",
                                Long.class,
                                handOver)
                        == 15);
        String quarter = (year + 1) + "-Q1";

        JsonNode table = indicator("benefit-transitions", "period=" + quarter).json();

        assertThat(table.path("groupBy").get(0).asText()).isEqualTo("transition");
        assertThat(table.path("cells")).hasSize(3);
        JsonNode toSgbII = transition(table, "ASYLBLG>SGB_II");
        assertCount(toSgbII.path("persons"), 7);
        assertThat(toSgbII.path("groupLabels").path("transition").asText())
                .contains("AsylbLG")
                .contains("→ SGB II");
        assertThat(transition(table, "ASYLBLG>SGB_XII").path("suppressed").asBoolean())
                .isTrue();
        assertThat(transition(table, "SGB_III>SGB_II").path("suppressed").asBoolean())
                .as("the smallest other cell, or the total would give the rare one away")
                .isTrue();
        assertCount(table.path("total").path("persons"), 15);
        JsonNode later =
                indicator("benefit-transitions", "period=" + (year + 1) + "-04").json();
        assertThat(later.path("cells")).isEmpty();
        assertThat(later.path("total").path("persons").asLong()).isZero();
        assertProblem("benefit-transitions", "", "period");
        assertProblem("benefit-transitions", "period=" + year + "-13", "period");
        assertProblem("benefit-transitions", "period=" + quarter + "&groupBy=transition", "groupBy");
    }

    private void changeRegimes(int persons, BenefitRegime from, BenefitRegime to, LocalDate on) {
        for (int i = 0; i < persons; i++) {
            PersonId personId = register(Sex.MALE, "SYR");
            append(personId, 1, new BenefitRegimeChanged(personId, entry.plusDays(20), from, null), EARLY);
            append(personId, 2, new BenefitRegimeChanged(personId, on, to, from), EARLY);
        }
    }

    private static JsonNode transition(JsonNode table, String transition) {
        for (JsonNode cell : table.path("cells")) {
            if (cell.path("group").path("transition").asText().equals(transition)) {
                return cell;
            }
        }
        throw new AssertionError("no cell for " + transition + " in " + table);
    }

    @Test
    void a_target_for_the_cohort_shows_beside_the_total_with_its_distance_as_it_held_then() {
        twelvePersons();
        UUID target = UUID.randomUUID();
        appendTarget(
                target,
                0,
                new TargetSet(
                        target,
                        "time-to-milestone",
                        Map.of("milestone", "EMPLOYMENT"),
                        "medianDays",
                        Integer.toString(year),
                        TargetComparison.AT_MOST,
                        new BigDecimal("90"),
                        TargetReason.KREISTAG_RESOLUTION,
                        "Drucksache 2025/117",
                        LocalDate.of(2026, 1, 1)),
                EARLY);
        appendTarget(
                target, 1, new TargetWithdrawn(target, TargetReason.CORRECTION, null, LocalDate.of(2026, 6, 1)), LATE);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from statistics.target where target_id = ? and withdrawn_on is not null",
                                Long.class,
                                target)
                        == 1);

        JsonNode held = indicator("time-to-milestone", "milestone=EMPLOYMENT&asOf=2026-03-01T00:00:00Z")
                .json()
                .path("targets");
        JsonNode before = indicator("time-to-milestone", "milestone=EMPLOYMENT&asOf=2025-12-01T00:00:00Z")
                .json()
                .path("targets");
        JsonNode now =
                indicator("time-to-milestone", "milestone=EMPLOYMENT").json().path("targets");
        JsonNode otherMilestone = indicator("time-to-milestone", "milestone=COURSE_START&asOf=2026-03-01T00:00:00Z")
                .json()
                .path("targets");

        assertThat(held).hasSize(1);
        assertThat(held.get(0).path("actual").asLong()).isEqualTo(100);
        assertThat(held.get(0).path("distance").asDouble()).isEqualTo(10.0);
        assertThat(held.get(0).path("met").asBoolean()).isFalse();
        assertThat(held.get(0).path("reference").asText()).isEqualTo("Drucksache 2025/117");
        assertThat(before).as("not set yet").isEmpty();
        assertThat(now).as("withdrawn").isEmpty();
        assertThat(otherMilestone).isEmpty();
        JsonNode all = api.get("/api/v1/targets", "steward").json();
        assertThat(all.findValuesAsText("targetId")).contains(target.toString());
        assertThat(api.get("/api/v1/targets", "abh").status()).isEqualTo(403);
    }

    private void appendTarget(UUID target, long sequence, Object payload, Instant recordedAt) {
        var metadata = MetaData.from(Map.of(
                EventMetadata.USER,
                "steward",
                EventMetadata.AGENCY,
                "kim-harz",
                EventMetadata.RECORDED_AT,
                recordedAt.toString(),
                EventMetadata.CORRELATION_ID,
                "test"));
        transactions.executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>("Target", target.toString(), sequence, payload, metadata)));
    }

    @Test
    void the_yearly_report_renders_every_table_with_its_marks_as_html_and_as_pdf() throws Exception {
        twelvePersons();
        long logged = indicatorEntries();
        String report = "/api/v1/reports/integration?year=" + year;

        ApiClient.Response html = api.get(report, "analyst");
        ApiClient.Response english = api.get(report, "analyst", Map.of("Accept-Language", "en"));
        ApiClient.Response pdf = api.get(report + "&format=pdf", "analyst");

        assertThat(html.status()).as(html.body()).isEqualTo(200);
        assertThat(html.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body())
                .contains("Integrationsbericht " + year)
                .contains("weniger als 5 Personen")
                .contains("Zeit von der Einreise bis zur ersten Beschäftigung")
                .contains("<svg")
                .contains("<td>–</td>") // the earlier cohorts have nobody
                .contains("<td>x</td>"); // nobody reached B1: no median
        assertThat(english.body()).contains("Integration report " + year).contains("fewer than 5 persons");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdfBytes(report + "&format=pdf"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Integrationsbericht " + year)
                    .contains("Methode")
                    .contains("Zielvorgaben");
        }
        assertThat(indicatorEntries()).as("one entry per report").isEqualTo(logged + 4);

        assertThat(api.get("/api/v1/reports/integration", "analyst").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/integration?year=1901", "analyst").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/reports/integration?year=2999", "analyst").status())
                .isEqualTo(400);
        assertThat(api.get(report, "beratung").status()).isEqualTo(403);
    }

    @Test
    void time_to_employment_by_sex_withholds_the_small_count_and_its_complement() {
        twelvePersons();

        JsonNode table = indicator("time-to-milestone", "milestone=EMPLOYMENT&groupBy=sex")
                .json();

        assertThat(table.path("indicator").asText()).isEqualTo("time-to-milestone");
        assertThat(table.path("cohort").asText()).isEqualTo(Integer.toString(year));
        assertThat(table.path("disclosureControl").path("minimumCellSize").asInt())
                .isEqualTo(5);
        JsonNode women = cell(table, "FEMALE");
        JsonNode men = cell(table, "MALE");
        assertThat(women.path("suppressed").asBoolean()).isFalse();
        assertCount(women.path("persons"), 6);
        assertThat(women.path("reached").isNull())
                .as("3 women reached it: fewer than k")
                .isTrue();
        assertThat(women.path("medianDays").isNull()).as("rests on 3 events").isTrue();
        assertThat(men.path("reached").isNull())
                .as("the total's 9 minus the men's would give the women's 3")
                .isTrue();
        assertThat(names(women.path("suppressedFigures"))).contains("reached", "medianDays");
        // The men's statistics rest on their withheld count: published, the median of six would point to it.
        assertThat(men.path("medianDays").isNull()).isTrue();
        assertThat(men.path("shareWithin6Months").isNull()).isTrue();
        assertThat(names(men.path("suppressedFigures"))).contains("reached", "medianDays", "shareWithin6Months");

        // All twelve: 9 events, the woman who moved away censored at 150 days, two at 730.
        JsonNode total = table.path("total");
        assertCount(total.path("persons"), 12);
        assertCount(total.path("reached"), 9);
        assertThat(total.path("medianDays").asLong()).isEqualTo(100);
        assertThat(total.path("quartile1Days").asLong()).isEqualTo(70);
        assertThat(total.path("quartile3Days").asLong()).isEqualTo(400);
        assertThat(total.path("shareWithin6Months").asDouble())
                .as("6 of 12 within 183 days")
                .isEqualTo(0.5);
        // 8 and 9 of 12 reached it within 365 and 730 days: the 4 and 3 who did not are fewer than k.
        assertThat(total.path("shareWithin12Months").isNull()).isTrue();
        assertThat(total.path("shareWithin24Months").isNull()).isTrue();
    }

    @Test
    void as_of_a_past_time_the_table_is_what_kiim_knew_then() {
        twelvePersons();

        // The 400-day employment happened in the first year but was recorded after EARLY + 1 day.
        JsonNode then = indicator("time-to-milestone", "milestone=EMPLOYMENT&asOf=2026-01-02T00:00:00Z")
                .json()
                .path("total");
        JsonNode now =
                indicator("time-to-milestone", "milestone=EMPLOYMENT").json().path("total");

        assertThat(then.path("quartile3Days").isNull())
                .as("without it the estimate stops at 0.3")
                .isTrue();
        assertThat(now.path("quartile3Days").asLong()).isEqualTo(400);
        assertThat(then.path("medianDays").asLong()).isEqualTo(100);
    }

    @Test
    void persons_in_support_leave_out_who_moved_away() {
        twelvePersons();

        JsonNode total = indicator("persons", "").json().path("total");

        assertCount(total.path("persons"), 11);
        assertCount(total.path("employed"), 9);
        assertThat(total.path("inCourse").asLong()).as("a true zero stays zero").isZero();
    }

    @Test
    void erasure_and_a_rebuild_leave_every_indicator_as_it_was() {
        twelvePersons();
        String query = "milestone=EMPLOYMENT&groupBy=sex,ageBand";
        JsonNode before = withoutAsOf(indicator("time-to-milestone", query).json());
        JsonNode personsBefore =
                withoutAsOf(indicator("persons", "groupBy=nationality").json());

        PersonId erased = persons.get(0);
        append(erased, 2, new PersonDataErased(erased, referenceDate, SupportEndReason.NO_FURTHER_NEED), LATE);
        transactions.executeWithoutResult(status -> keys.destroy(erased));
        rebuildStatistics();

        assertThat(withoutAsOf(indicator("time-to-milestone", query).json())).isEqualTo(before);
        assertThat(withoutAsOf(indicator("persons", "groupBy=nationality").json()))
                .isEqualTo(personsBefore);
    }

    @Test
    void the_statistics_rows_name_no_person() {
        twelvePersons();
        UUID personId = persons.get(0).value();

        Integer byPersonId = jdbc.queryForObject(
                "select count(*) from statistics.fact where subject = ? or episode = ?",
                Integer.class,
                personId,
                personId);
        Integer subjects = jdbc.queryForObject(
                "select count(*) from statistics.subject where subject = ?", Integer.class, personId);

        assertThat(byPersonId).isZero();
        assertThat(subjects).isZero();
    }

    @Test
    void csv_has_german_headers_and_marks_withheld_figures_with_a_dot() {
        twelvePersons();

        ApiClient.Response csv = api.get(
                "/api/v1/indicators/time-to-milestone?milestone=EMPLOYMENT&groupBy=sex&cohort=" + year
                        + "&referenceDate=" + referenceDate,
                "analyst",
                Map.of("Accept", "text/csv"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("Geschlecht;Personen;erreicht;Median (Tage)");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("weiblich;").contains(";.;."));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("männlich;").contains(";.;.;."));
        assertThat(lines.get(lines.size() - 1))
                .startsWith("Insgesamt;")
                .contains(";100;70;400;")
                .endsWith(";0,50;.;.;.");
    }

    @Test
    void differencing_two_tables_whose_populations_differ_by_fewer_than_k_persons_withholds_the_difference() {
        twelvePersons();

        // Eleven persons in support: ten from Syria, one woman from Afghanistan (one Syrian woman moved away).
        JsonNode narrow = indicator("persons", "nationality=SYR,AFG").json();
        JsonNode leavingOut = indicator("persons", "nationality=SYR").json();
        JsonNode unfiltered = indicator("persons", "").json();
        JsonNode womenByNationality =
                indicator("persons", "groupBy=nationality&sex=FEMALE").json();
        JsonNode men = indicator("persons", "sex=MALE").json();

        assertThat(narrow.path("total").path("suppressed").asBoolean())
                .as("AFG selects one woman: beside the SYR table, the difference would be her")
                .isTrue();
        assertThat(leavingOut.path("total").path("suppressed").asBoolean())
                .as("leaving her out: beside the unfiltered table, the difference would be her")
                .isTrue();
        assertThat(unfiltered.path("total").path("suppressed").asBoolean()).isFalse();
        assertThat(womenByNationality.path("cells")).isNotEmpty();
        womenByNationality
                .path("cells")
                .forEach(cell -> assertThat(cell.path("suppressed").asBoolean())
                        .as("the women's cells withheld in the table by nationality and sex")
                        .isTrue());
        assertThat(men.path("total").path("suppressed").asBoolean()).isFalse();
        assertCount(men.path("total").path("persons"), 6);
    }

    @Test
    void a_range_of_cohorts_and_three_dimensions_give_the_same_persons_as_the_cohort() {
        twelvePersons();
        String range = "/api/v1/indicators/persons?referenceDate=" + referenceDate;

        JsonNode byRange =
                api.get(range + "&from=" + year + "-Q1&to=" + year, "analyst").json();
        JsonNode byCohort = indicator("persons", "").json();
        JsonNode later = api.get(range + "&from=" + (year + 1), "analyst").json();
        JsonNode threeWays =
                indicator("persons", "groupBy=sex,nationality,ageBand").json();

        assertThat(byRange.path("total")).isEqualTo(byCohort.path("total"));
        assertThat(byRange.path("cohort").asText()).isEqualTo(year + "-Q1.." + year);
        assertThat(later.path("total").path("persons").asLong()).isZero();
        assertThat(threeWays.path("groupBy")).hasSize(3);
        assertThat(threeWays.path("total")).isEqualTo(byCohort.path("total"));
        threeWays
                .path("cells")
                .forEach(cell -> assertThat(cell.path("group").size()).isEqualTo(3));
    }

    @Test
    void requests_that_cannot_be_answered_as_meant_are_refused_naming_the_parameter() {
        assertProblem("persons", "groupBy=sex,ageBand,nationality,municipality", "groupBy");
        assertProblem("persons", "groupBy=name", "groupBy");
        assertProblem("persons", "sex=female", "sex");
        assertProblem("persons", "referenceDate=2999-01-01", "referenceDate");
        assertProblem("persons", "referenceDate=yesterday", "referenceDate");
        assertProblem("persons", "asOf=2999-01-01T00:00:00Z", "asOf");
        assertProblem("persons", "milestone=EMPLOYMENT", "milestone");
        assertProblem("persons", "cohrot=2024", "cohrot");
        assertProblem("time-to-milestone", "", "milestone");
        assertProblem("time-to-milestone", "milestone=CEFR_C9", "milestone");
        ApiClient.Response quarter = api.get("/api/v1/indicators/persons?cohort=2024-Q5", "analyst");
        assertThat(quarter.status()).isEqualTo(400);
        ApiClient.Response both = api.get("/api/v1/indicators/persons?cohort=2024&from=2023", "analyst");
        assertThat(both.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/indicators/nothing", "analyst").status()).isEqualTo(404);
    }

    @Test
    void indicators_are_for_analysts_and_persons_are_not() {
        // After every other test's reference date: one person alone must not be what another test's cohort leaves out.
        entry = LocalDate.of(2025, 6, 1);
        PersonId someone = register(Sex.MALE, "SYR");

        assertThat(api.get("/api/v1/indicators", "abh").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/indicators/persons", "beratung").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/indicators/persons", "auditor").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/persons/" + someone.value(), "analyst").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/persons/" + someone.value() + "/timeline", "analyst")
                        .status())
                .isEqualTo(403);
        JsonNode catalogue = api.get("/api/v1/indicators", "analyst").json();
        assertThat(catalogue.path("indicators").findValuesAsText("name")).contains("persons", "time-to-milestone");
    }

    @Test
    void every_indicator_request_is_in_the_access_log_without_a_person() {
        long before = indicatorEntries();

        assertThat(indicator("persons", "").status()).isEqualTo(200);
        api.send("HEAD", "/api/v1/indicators/persons?cohort=" + year, "analyst", null);

        assertThat(indicatorEntries()).isEqualTo(before + 2);
        String detail = jdbc.queryForObject(
                "select detail from audit.access_log where view = 'INDICATOR' order by seq desc limit 1", String.class);
        assertThat(detail)
                .as("which indicator, with which parameters")
                .startsWith("persons ")
                .contains("cohort=" + year);
        JsonNode verification =
                api.get("/api/v1/audit/access/verification", "auditor").json();
        assertThat(verification.path("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
    }

    /** The PDF as bytes: ApiClient reads bodies as text. */
    private byte[] pdfBytes(String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("analyst:demo".getBytes()))
                .build();
        return java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    private long indicatorEntries() {
        return jdbc.queryForObject(
                "select count(*) from audit.access_log where view = 'INDICATOR' and person_id is null"
                        + " and purpose = 'STATISTICS' and username = 'analyst'",
                Long.class);
    }

    private void assertProblem(String indicator, String query, String field) {
        ApiClient.Response response = api.get("/api/v1/indicators/" + indicator + "?" + query, "analyst");
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field"))
                .as(query)
                .contains(field);
    }

    private ApiClient.Response indicator(String name, String query) {
        String parameters = "cohort=" + year + "&referenceDate=" + referenceDate + (query.isEmpty() ? "" : "&" + query);
        return api.get("/api/v1/indicators/" + name + "?" + parameters, "analyst");
    }

    private static JsonNode cell(JsonNode table, String sex) {
        for (JsonNode cell : table.path("cells")) {
            if (cell.path("group").path("sex").asText().equals(sex)) {
                return cell;
            }
        }
        throw new AssertionError("no cell for " + sex + " in " + table);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The cell-key noise moves a count by at most 2, never to zero. */
    private static void assertCount(JsonNode published, long truth) {
        assertThat(published.isNumber()).as("published").isTrue();
        assertThat(published.asLong()).isBetween(Math.max(1, truth - 2), truth + 2);
    }

    private static JsonNode withoutAsOf(JsonNode table) {
        ((ObjectNode) table).remove("asOf");
        return table;
    }

    private PersonId employedAfter(Sex sex, int days, Instant recordedAt) {
        PersonId personId = register(sex, "SYR");
        append(
                personId,
                1,
                new EmploymentStarted(
                        personId, UUID.randomUUID(), entry.plusDays(days), COOK, EmploymentKind.EMPLOYMENT, 30),
                recordedAt);
        return personId;
    }

    private PersonId register(Sex sex, String nationality) {
        PersonId personId = PersonId.random();
        LocalDate born = entry.minusYears(30);
        append(
                personId,
                0,
                new PersonRegistered(
                        personId,
                        entry.plusDays(14),
                        "Statistiktest",
                        null,
                        born,
                        sex,
                        CountryCode.of(nationality),
                        entry,
                        null,
                        MunicipalityCode.of("15085235"),
                        AgeBand.on(entry, born)),
                EARLY);
        persons.add(personId);
        return personId;
    }

    private void append(PersonId personId, long sequence, Object payload, Instant recordedAt) {
        var metadata = MetaData.from(Map.of(
                EventMetadata.USER,
                "abh",
                EventMetadata.AGENCY,
                "abh-harz",
                EventMetadata.RECORDED_AT,
                recordedAt.toString(),
                EventMetadata.CORRELATION_ID,
                "test"));
        transactions.executeWithoutResult(status -> {
            if (sequence == 0) {
                keys.issue(personId);
            }
            eventStore.publish(
                    new GenericDomainEventMessage<>("Person", personId.toString(), sequence, payload, metadata));
        });
    }

    private void awaitProjected(int subjects) {
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesOfTheYear() == subjects);
    }

    private long entriesOfTheYear() {
        return jdbc.queryForObject(
                "select count(distinct subject) from statistics.fact where kind = 'ENTRY' and since between ? and ?",
                Long.class,
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    /** A year of arrival nobody in the database has: the tests' tables hold their own population only. */
    private int unusedYear() {
        Random random = new Random();
        for (; ; ) {
            year = 1950 + random.nextInt(60);
            if (entriesOfTheYear() == 0) {
                return year;
            }
        }
    }

    /** Rebuilds the statistics read model from the first event, and waits until it is back. */
    private void rebuildStatistics() {
        StreamingEventProcessor processor = processors
                .eventProcessor(StatisticsProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> processor.processingStatus().size() == 4
                        && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp())
                        && entriesOfTheYear() == persons.size());
    }
}
