package de.kiim.query.agencyviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.Category;
import de.kiim.events.EventJson;
import de.kiim.events.EventMetadata;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.AgencyAccessEnded;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.counselling.CounsellingSessionHeld;
import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.education.SchoolingRecorded;
import de.kiim.events.language.LanguageLevelAssessed;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.AssessmentMethod;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.CounsellingTopic;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.IscedLevel;
import de.kiim.events.vocabulary.LanguageSkill;
import de.kiim.events.vocabulary.LegalBasis;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.ResidenceStatus;
import de.kiim.events.vocabulary.Sex;
import de.kiim.platform.crypto.PersonKeyStore;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.entitlements.LinkReason;
import de.kiim.query.QueryServiceApplication;
import de.kiim.testsupport.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For random histories of a person — status and regime changes, courses, counselling, consents given and withdrawn,
 * cases shared and access ended — after every event: no agency's rows hold a category or field its policy does not
 * grant; an agency that does not see the person has no rows for them; and the view of every agency that does equals
 * the view it would have had, had its link existed from the start (computed here from the policy alone).
 */
class AgencyViewsPropertiesTest {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    /** The demo district's agencies (local profile), by kind. */
    private static final Map<String, AgencyKind> AGENCIES = Map.of(
            "abh-harz",
            AgencyKind.AUSLAENDERBEHOERDE,
            "jobcenter-harz",
            AgencyKind.JOBCENTER,
            "afa-halberstadt",
            AgencyKind.AGENTUR_FUER_ARBEIT,
            "sozialamt-harz",
            AgencyKind.SOZIALAMT,
            "mbe-harz",
            AgencyKind.MIGRATIONSBERATUNG,
            "vhs-harz",
            AgencyKind.SPRACHKURSTRAEGER,
            "kim-harz",
            AgencyKind.INTEGRATIONSMANAGEMENT);

    private static final List<String> AGENCY_IDS = List.copyOf(new java.util.TreeSet<>(AGENCIES.keySet()));
    private static final LocalDate DAY = LocalDate.of(2024, 4, 2);

    private static ConfigurableApplicationContext service;
    private static AgencyViewsProjection projection;
    private static EventStore eventStore;
    private static TransactionTemplate transactions;
    private static JdbcTemplate jdbc;
    private static PersonKeyStore keys;
    private static EntitlementPolicy policy;

    @BeforeContainer
    static void start() {
        service = QueryServiceApplication.builder()
                .profiles("local")
                .properties("server.port=0", "spring.config.name=query-service,test")
                // A database of its own: no other test's services may write to it meanwhile.
                .run(database("--spring.datasource"));
        // The processor stays off: the property drives the projection itself, event by event.
        service.getBean(EventProcessingConfiguration.class)
                .eventProcessor(AgencyViewsProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow()
                .shutDown();
        projection = service.getBean(AgencyViewsProjection.class);
        eventStore = service.getBean(EventStore.class);
        transactions = service.getBean(TransactionTemplate.class);
        jdbc = service.getBean(JdbcTemplate.class);
        keys = service.getBean(PersonKeyStore.class);
        policy = service.getBean(EntitlementPolicy.class);
    }

    private static String[] database(String prefix) {
        TestDatabase own = TestDatabase.another();
        return new String[] {
            prefix + ".url=" + own.jdbcUrl(),
            prefix + ".username=" + own.username(),
            prefix + ".password=" + own.password()
        };
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    /** One step of a generated history: the event (for a person yet to be chosen) and the agency that wrote it. */
    record Step(String kind, int a, int b) {}

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(
                        Arbitraries.of(
                                "status",
                                "regime",
                                "assessment",
                                "enrol",
                                "complete",
                                "counselling",
                                "consent",
                                "withdraw",
                                "share",
                                "end-access",
                                "schooling"),
                        Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99))
                .as(Step::new);
        return step.list().ofMaxSize(14);
    }

    @Property(tries = 200)
    void views_hold_only_what_each_agency_may_see(@ForAll("histories") List<Step> steps) {
        PersonId personId = PersonId.random();
        Model model = new Model();
        append(
                personId,
                model,
                "abh-harz",
                new PersonRegistered(
                        personId,
                        DAY,
                        "Eigenschaft",
                        "Testa",
                        LocalDate.of(1990, 1, 1),
                        Sex.FEMALE,
                        CountryCode.of("UA"),
                        LocalDate.of(2022, 3, 3),
                        "135792468024",
                        MunicipalityCode.of("15085135"),
                        AgeBand.on(LocalDate.of(2022, 3, 3), LocalDate.of(1990, 1, 1))));
        for (Step step : steps) {
            Object event = model.event(personId, step);
            if (event != null) {
                append(personId, model, model.author(event, step), event);
            }
        }
    }

    private void append(PersonId personId, Model model, String author, Object payload) {
        long sequence = model.history.size();
        var message = new GenericDomainEventMessage<>(
                "Person",
                personId.toString(),
                sequence,
                payload,
                MetaData.from(Map.of(
                        EventMetadata.AGENCY,
                        author,
                        EventMetadata.USER,
                        "property",
                        EventMetadata.RECORDED_AT,
                        "2024-04-02T10:00:00Z")));
        transactions.executeWithoutResult(status -> {
            if (sequence == 0) {
                keys.issue(personId);
            }
            eventStore.publish(message);
        });
        // As the processor would deliver it: read back from the store, decrypted.
        DomainEventMessage<?> stored = readBack(personId, sequence);
        transactions.executeWithoutResult(status -> projection.on((PersonEvent) stored.getPayload(), stored));
        model.record(message, author);
        check(personId, model);
    }

    private static DomainEventMessage<?> readBack(PersonId personId, long sequence) {
        var stream = eventStore.readEvents(personId.toString(), sequence);
        return stream.next();
    }

    private void check(PersonId personId, Model model) {
        for (String agency : AGENCY_IDS) {
            AgencyKind kind = AGENCIES.get(agency);
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select event_id, category, data::text as data from "
                            + "query.timeline_entry where agency_id = ? and person_id = ? order by sequence_number",
                    agency,
                    personId.value());
            for (Map<String, Object> row : rows) {
                var category = de.kiim.events.DataCategory.valueOf((String) row.get("category"));
                var readable = policy.readable(kind, category);
                assertThat(readable).as("%s holds a %s entry", agency, category).isPresent();
                read((String) row.get("data"))
                        .fieldNames()
                        .forEachRemaining(field -> assertThat(readable.get().includes(field))
                                .as("%s holds %s.%s", agency, category, field)
                                .isTrue());
            }
            if (!model.linked(agency)) {
                assertThat(rows)
                        .as("%s does not see the person but has rows", agency)
                        .isEmpty();
                assertThat(cards(agency, personId)).isZero();
                continue;
            }
            // JSON trees compare field by field, whatever order jsonb keeps them in.
            assertThat(rows.stream()
                            .map(row -> Map.entry((String) row.get("event_id"), read((String) row.get("data"))))
                            .toList())
                    .as("view of %s", agency)
                    .containsExactlyElementsOf(model.expectedView(agency));
            assertThat(cards(agency, personId)).isEqualTo(1);
        }
    }

    private static long cards(String agency, PersonId personId) {
        return jdbc.queryForObject(
                "select count(*) from query.person_card where agency_id = ? and person_id = ?",
                Long.class,
                agency,
                personId.value());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person's history and what the policy says about it, computed without the projection. */
    private final class Model {
        final List<DomainEventMessage<?>> history = new ArrayList<>();
        final Map<String, String> authors = new HashMap<>();
        String registeredBy;
        BenefitRegime regime;
        final Set<String> consents = new HashSet<>();
        final Set<String> shares = new HashSet<>();
        final Map<UUID, String> providers = new HashMap<>();

        Object event(PersonId p, Step step) {
            String agency = AGENCY_IDS.get(step.a() % AGENCY_IDS.size());
            ConsentPurpose purpose = ConsentPurpose.values()[step.b() % ConsentPurpose.values().length];
            return switch (step.kind()) {
                case "status" -> new ResidenceStatusChanged(p, DAY, ResidenceStatus.values()[step.a() % 5], null);
                case "regime" -> {
                    BenefitRegime next = BenefitRegime.values()[step.a() % BenefitRegime.values().length];
                    yield next == regime ? null : new BenefitRegimeChanged(p, DAY, next, regime);
                }
                case "assessment" ->
                    new LanguageLevelAssessed(p, DAY, LanguageSkill.OVERALL, CefrLevel.A2, AssessmentMethod.EXAM);
                case "enrol" ->
                    new CourseEnrolled(
                            p,
                            UUID.randomUUID(),
                            DAY,
                            CourseType.INTEGRATION_GENERAL,
                            DAY,
                            step.b() % 3 == 0 ? "jobcenter-harz" : "vhs-harz");
                case "complete" ->
                    providers.isEmpty()
                            ? null
                            : new CourseCompleted(
                                    p,
                                    List.copyOf(providers.keySet()).get(step.a() % providers.size()),
                                    DAY,
                                    List.of(),
                                    null);
                case "counselling" -> new CounsellingSessionHeld(p, DAY, Set.of(CounsellingTopic.HOUSING), "Notiz");
                case "consent" ->
                    consents.contains(agency + "|" + purpose)
                            ? null
                            : new ConsentGiven(p, DAY, purpose, agency, LegalBasis.GDPR_6_1_A, "E-1");
                case "withdraw" -> consents.isEmpty() ? null : withdrawal(p, step.a());
                case "share" ->
                    shares.contains(agency) ? null : new CaseSharedWithAgency(p, DAY, agency, LegalBasis.SGB_X_69);
                case "end-access" ->
                    shares.isEmpty()
                            ? null
                            : new AgencyAccessEnded(p, DAY, List.copyOf(shares).get(step.a() % shares.size()));
                default -> new SchoolingRecorded(p, DAY, IscedLevel.ISCED_2, 9, null);
            };
        }

        private ConsentWithdrawn withdrawal(PersonId p, int pick) {
            String[] consent = List.copyOf(consents).get(pick % consents.size()).split("\\|");
            return new ConsentWithdrawn(p, DAY, ConsentPurpose.valueOf(consent[1]), consent[0]);
        }

        String author(Object event, Step step) {
            return AGENCY_IDS.get(step.b() % AGENCY_IDS.size());
        }

        void record(DomainEventMessage<?> message, String author) {
            history.add(message);
            authors.put(message.getIdentifier(), author);
            Object event = message.getPayload();
            if (event instanceof PersonRegistered) {
                registeredBy = author;
            } else if (event instanceof BenefitRegimeChanged changed) {
                regime = changed.regime();
            } else if (event instanceof ConsentGiven given) {
                consents.add(given.recipientAgency() + "|" + given.purpose());
            } else if (event instanceof ConsentWithdrawn withdrawn) {
                consents.remove(withdrawn.recipientAgency() + "|" + withdrawn.purpose());
            } else if (event instanceof CaseSharedWithAgency shared) {
                shares.add(shared.agency());
            } else if (event instanceof AgencyAccessEnded ended) {
                shares.remove(ended.agency());
            } else if (event instanceof CourseEnrolled enrolled) {
                providers.put(enrolled.enrolmentId(), enrolled.providerAgency());
            }
        }

        boolean linked(String agency) {
            var rules = policy.of(AGENCIES.get(agency));
            return (rules.linkedBy().contains(LinkReason.REGISTERED) && agency.equals(registeredBy))
                    || rules.linkedBy().contains(LinkReason.ALL_PERSONS)
                    || (rules.linkedBy().contains(LinkReason.BENEFIT_REGIME)
                            && regime != null
                            && rules.benefitRegimes().contains(regime))
                    || (rules.linkedBy().contains(LinkReason.CONSENT)
                            && consents.stream().anyMatch(consent -> consent.startsWith(agency + "|")))
                    || (rules.linkedBy().contains(LinkReason.CASE_SHARING) && shares.contains(agency))
                    || (rules.linkedBy().contains(LinkReason.COURSE_PROVIDER) && providers.containsValue(agency));
        }

        /** Every event of the history the agency may see: its id and its readable fields. */
        List<Map.Entry<String, JsonNode>> expectedView(String agency) {
            AgencyKind kind = AGENCIES.get(agency);
            List<Map.Entry<String, JsonNode>> view = new ArrayList<>();
            for (DomainEventMessage<?> message : history) {
                var category =
                        message.getPayloadType().getAnnotation(Category.class).value();
                var readable = policy.readable(kind, category);
                ObjectNode fields = JSON.valueToTree(message.getPayload());
                boolean own = agency.equals(authors.get(message.getIdentifier()))
                        || (fields.hasNonNull("enrolmentId")
                                && agency.equals(providers.get(UUID.fromString(
                                        fields.get("enrolmentId").asText()))));
                if (readable.isEmpty() || (policy.of(kind).ownRecordsOnly().contains(category) && !own)) {
                    continue;
                }
                fields.remove(List.of("personId", "occurredAt"));
                List<String> hidden = new ArrayList<>();
                fields.fieldNames().forEachRemaining(name -> {
                    if (!readable.get().includes(name)) {
                        hidden.add(name);
                    }
                });
                fields.remove(hidden);
                view.add(Map.entry(message.getIdentifier(), fields));
            }
            return view;
        }
    }
}
