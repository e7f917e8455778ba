package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.entitlements.LinkReason;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random sequences of commands, from random agencies of the demo district, about one person the foreigners'
 * authority registered — including every self-linking step an attacker would try. Over real HTTP against both
 * services. Afterwards:
 * <ul>
 *     <li>every agency reads the person exactly when a rule the policy names links it, computed here from the
 *     stored events by a model of the policy's link reasons (not by the code under test);</li>
 *     <li>every stored step came from an agency that was linked to the person just before it, and no consent or
 *     case share names its own author as the one to gain access.</li>
 * </ul>
 */
class HostileCommandsPropertiesTest {

    /** Demo caseworkers and their agencies. */
    private static final Map<String, String> AGENCY_OF = Map.of(
            "abh",
            "abh-harz",
            "jobcenter",
            "jobcenter-harz",
            "sozialamt",
            "sozialamt-harz",
            "beratung",
            "mbe-harz",
            "sprachkurs",
            "vhs-harz",
            "kim",
            "kim-harz");

    private static final Map<String, AgencyKind> KIND_OF = Map.of(
            "abh-harz",
            AgencyKind.AUSLAENDERBEHOERDE,
            "jobcenter-harz",
            AgencyKind.JOBCENTER,
            "sozialamt-harz",
            AgencyKind.SOZIALAMT,
            "mbe-harz",
            AgencyKind.MIGRATIONSBERATUNG,
            "vhs-harz",
            AgencyKind.SPRACHKURSTRAEGER,
            "kim-harz",
            AgencyKind.INTEGRATIONSMANAGEMENT,
            "afa-halberstadt",
            AgencyKind.AGENTUR_FUER_ARBEIT);
    private static final List<String> USERS = List.copyOf(new TreeSet<>(AGENCY_OF.keySet()));
    private static final List<String> AGENCIES = List.copyOf(new TreeSet<>(KIND_OF.keySet()));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningSystem system = RunningSystem.instance();
    private final JdbcTemplate jdbc = system.commandService.getBean(JdbcTemplate.class);
    private final EntitlementPolicy policy = EntitlementPolicy.defaultPolicy();

    /** One attempted step: who sends it, which kind of step, and about which other agency. */
    record Attempt(String user, int step, String agency, int variant) {}

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        return Combinators.combine(
                        Arbitraries.of(USERS),
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.of(AGENCIES),
                        Arbitraries.integers().between(0, 3))
                .as(Attempt::new)
                .list()
                .ofMinSize(4)
                .ofMaxSize(10);
    }

    @Property(tries = 12)
    void no_agency_reads_a_person_no_rule_links_it_to(@ForAll("attempts") List<Attempt> attempts) {
        String personId = system.commands
                .post("/api/v1/persons", "abh", ApiClient.json(RegisterAndReadTest.person()))
                .json()
                .path("personId")
                .asText();
        String path = "/api/v1/persons/" + personId;
        for (Attempt attempt : attempts) {
            var answer = system.commands.post(path + resource(attempt), attempt.user(), body(attempt));
            assertThat(answer.status()).as(answer.body()).isLessThan(500);
        }
        List<StoredEvent> events = events(personId);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ("\"" + (events.size() - 1) + "\"")
                        .equals(system.queries.get(path, "kim").header("ETag").orElse("")));

        Linked linked = new Linked();
        for (StoredEvent event : events) {
            if (!event.type().equals("PersonRegistered")) {
                assertThat(linked.sees(event.author()))
                        .as("%s recorded %s without seeing the person", event.author(), event.type())
                        .isTrue();
            }
            assertThat(linked.grantee(event))
                    .as("%s granted itself access by %s", event.author(), event.type())
                    .isNotEqualTo(event.author());
            linked.apply(event);
        }
        for (String user : USERS) {
            int expected = linked.sees(AGENCY_OF.get(user)) ? 200 : 404;
            assertThat(system.queries.get(path, user).status())
                    .as("card read by %s", user)
                    .isEqualTo(expected);
        }
    }

    private static String resource(Attempt attempt) {
        return switch (attempt.step()) {
            case 0 -> "/case-shares";
            case 1 -> "/consents";
            case 2 -> "/consent-withdrawals";
            case 3 -> "/case-shares/" + attempt.agency() + "/end";
            case 4 -> "/benefit-regime";
            case 5 -> "/courses";
            default -> "/moves";
        };
    }

    private static String body(Attempt attempt) {
        String purpose = List.of("COUNSELLING", "CASE_SHARING", "JOB_PLACEMENT", "LANGUAGE_COURSE")
                .get(attempt.variant());
        String regime = List.of("ASYLBLG", "SGB_II", "SGB_XII", "NONE").get(attempt.variant());
        String course = List.of(
                        "INTEGRATION_GENERAL", "INTEGRATION_YOUTH", "ERSTORIENTIERUNGSKURS", "INTEGRATION_WOMEN")
                .get(attempt.variant());
        return switch (attempt.step()) {
            case 0 -> "{\"agency\":\"" + attempt.agency() + "\",\"legalBasis\":\"SGB_X_69\"}";
            case 1 ->
                "{\"purpose\":\"" + purpose + "\",\"recipientAgency\":\"" + attempt.agency()
                        + "\",\"evidenceReference\":\"P-1\"}";
            case 2 -> "{\"purpose\":\"" + purpose + "\",\"recipientAgency\":\"" + attempt.agency() + "\"}";
            case 3 -> "{}";
            case 4 -> "{\"regime\":\"" + regime + "\"}";
            case 5 ->
                "{\"courseType\":\"" + course + "\",\"startsOn\":\"2024-03-04\",\"providerAgency\":\""
                        + attempt.agency() + "\"}";
            default -> "{\"municipality\":\"15085370\"}";
        };
    }

    record StoredEvent(String type, String author, JsonNode payload) {}

    private List<StoredEvent> events(String personId) {
        return jdbc.query(
                """
                        select payload_type, convert_from(meta_data, 'UTF8') as meta, convert_from(payload, 'UTF8') as data
                          from event_store.domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                (rs, row) -> {
                    try {
                        String type = rs.getString("payload_type");
                        return new StoredEvent(
                                type.substring(type.lastIndexOf('.') + 1),
                                JSON.readTree(rs.getString("meta"))
                                        .path("agency")
                                        .asText(),
                                JSON.readTree(rs.getString("data")));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                },
                personId);
    }

    /** The test's own model of the policy's link reasons, folded over the stored events. */
    private final class Linked {
        private String registeredBy;
        private BenefitRegime regime;
        private final Set<String> consentRecipients = new HashSet<>();
        private final Set<List<String>> consents = new HashSet<>();
        private final Set<String> shares = new HashSet<>();
        private final Set<String> providers = new HashSet<>();

        boolean sees(String agency) {
            AgencyKind kind = KIND_OF.get(agency);
            if (kind == null) {
                return false;
            }
            Set<LinkReason> reasons = policy.of(kind).linkedBy();
            return reasons.contains(LinkReason.ALL_PERSONS)
                    || reasons.contains(LinkReason.REGISTERED) && agency.equals(registeredBy)
                    || reasons.contains(LinkReason.BENEFIT_REGIME)
                            && regime != null
                            && policy.of(kind).benefitRegimes().contains(regime)
                    || reasons.contains(LinkReason.CONSENT) && consentRecipients.contains(agency)
                    || reasons.contains(LinkReason.CASE_SHARING) && shares.contains(agency)
                    || reasons.contains(LinkReason.COURSE_PROVIDER) && providers.contains(agency);
        }

        /**
         * The agency a consent or case share gives access to. (An enrolment into its own course by a provider that
         * already sees the person grants nothing new; that it saw the person is checked for every event.)
         */
        String grantee(StoredEvent event) {
            return switch (event.type()) {
                case "ConsentGiven" -> event.payload().path("recipientAgency").asText();
                case "CaseSharedWithAgency" -> event.payload().path("agency").asText();
                default -> null;
            };
        }

        void apply(StoredEvent event) {
            JsonNode data = event.payload();
            switch (event.type()) {
                case "PersonRegistered" -> registeredBy = event.author();
                case "BenefitRegimeChanged" ->
                    regime = BenefitRegime.valueOf(data.path("regime").asText());
                case "ConsentGiven" ->
                    consents.add(List.of(
                            data.path("recipientAgency").asText(),
                            data.path("purpose").asText()));
                case "ConsentWithdrawn" ->
                    consents.remove(List.of(
                            data.path("recipientAgency").asText(),
                            data.path("purpose").asText()));
                case "CaseSharedWithAgency" -> shares.add(data.path("agency").asText());
                case "AgencyAccessEnded" -> shares.remove(data.path("agency").asText());
                case "CourseEnrolled" ->
                    providers.add(data.path("providerAgency").asText());
                default -> {}
            }
            consentRecipients.clear();
            consents.forEach(consent -> consentRecipients.add(consent.get(0)));
        }
    }
}
