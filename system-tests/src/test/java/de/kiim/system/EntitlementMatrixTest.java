package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.entitlements.LinkReason;
import de.kiim.platform.security.Role;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every endpoint × every role × every agency kind, over HTTP, against the status the entitlement policy implies:
 * reads 200 for a caseworker whose agency sees the person, 404 for one whose agency does not, 403 for other roles;
 * steps 403 unless role and agency kind may send them, and for a person the agency is not linked to exactly the
 * answer an unknown person id gets. The expectations are computed from the policy file, so a change to the policy
 * changes what this test demands.
 */
class EntitlementMatrixTest {

    /** The demo district has one agency of each kind. */
    private static final Map<AgencyKind, String> AGENCY = Map.of(
            AgencyKind.AUSLAENDERBEHOERDE,
            "abh-harz",
            AgencyKind.JOBCENTER,
            "jobcenter-harz",
            AgencyKind.AGENTUR_FUER_ARBEIT,
            "afa-halberstadt",
            AgencyKind.SOZIALAMT,
            "sozialamt-harz",
            AgencyKind.MIGRATIONSBERATUNG,
            "mbe-harz",
            AgencyKind.SPRACHKURSTRAEGER,
            "vhs-harz",
            AgencyKind.INTEGRATIONSMANAGEMENT,
            "kim-harz");

    static final RunningSystem system = RunningSystem.instance();
    private static final EntitlementPolicy policy = EntitlementPolicy.defaultPolicy();
    private static String personId;

    /** A person registered by the foreigners' authority, in SGB II, counselled by consent, in a VHS course. */
    @BeforeAll
    static void setUp() {
        JdbcTemplate jdbc = system.commandService.getBean(JdbcTemplate.class);
        String hash = system.commandService.getBean(PasswordEncoder.class).encode("demo");
        for (AgencyKind kind : AgencyKind.values()) {
            for (Role role : Role.values()) {
                jdbc.update("""
                        insert into directory.app_user (username, password_hash, agency_id, roles, demo)
                        values (?, ?, ?, ?::varchar[], true) on conflict (username) do nothing""", user(kind, role), hash, AGENCY.get(kind), "{" + role.name() + "}");
            }
        }
        var person = RegisterAndReadTest.person();
        personId = system.commands
                .post("/api/v1/persons", "abh", ApiClient.json(person))
                .json()
                .path("personId")
                .asText();
        String path = "/api/v1/persons/" + personId;
        linkEveryKind(path, false);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        system.queries.get(path + "/timeline", "sprachkurs").status() == 200
                                && system.queries.get(path, "beratung").status() == 200
                                && system.queries.get(path, "jobcenter").status() == 200);
    }

    /**
     * The foreigners' authority registered the person; it refers them to the Jobcenter, which takes them into
     * SGB II, records the consent for migration counselling and enrols them at the Volkshochschule; with
     * {@code alsoByCaseSharing} it shares the case with every other agency too.
     */
    private static String linkEveryKind(String path, boolean alsoByCaseSharing) {
        require(system.commands.post(
                path + "/case-shares", "abh", "{\"agency\":\"jobcenter-harz\",\"legalBasis\":\"SGB_X_69\"}"));
        require(system.commands.post(path + "/benefit-regime", "jobcenter", "{\"regime\":\"SGB_II\"}"));
        require(system.commands.post(
                path + "/consents",
                "abh",
                "{\"purpose\":\"COUNSELLING\",\"recipientAgency\":\"mbe-harz\",\"evidenceReference\":\"M-1\"}"));
        if (alsoByCaseSharing) {
            for (String agency : List.of("afa-halberstadt", "sozialamt-harz")) {
                require(system.commands.post(
                        path + "/case-shares", "abh", "{\"agency\":\"" + agency + "\",\"legalBasis\":\"SGB_X_69\"}"));
            }
        }
        var enrolled = system.commands.post(
                path + "/courses",
                "abh",
                "{\"courseType\":\"INTEGRATION_GENERAL\",\"startsOn\":\"2024-03-04\",\"providerAgency\":\"vhs-harz\"}");
        require(enrolled);
        return enrolled.json().path("enrolmentId").asText();
    }

    private static void require(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }

    private static String user(AgencyKind kind, Role role) {
        return "matrix-" + kind.name().toLowerCase() + "-" + role.name().toLowerCase();
    }

    /** Whether the policy links an agency of this kind to the person set up above. */
    private static boolean sees(AgencyKind kind) {
        var rules = policy.of(kind);
        String agency = AGENCY.get(kind);
        return (rules.linkedBy().contains(LinkReason.REGISTERED) && agency.equals("abh-harz"))
                || rules.linkedBy().contains(LinkReason.ALL_PERSONS)
                || (rules.linkedBy().contains(LinkReason.BENEFIT_REGIME)
                        && rules.benefitRegimes().contains(de.kiim.events.vocabulary.BenefitRegime.SGB_II))
                || (rules.linkedBy().contains(LinkReason.CONSENT) && agency.equals("mbe-harz"))
                || (rules.linkedBy().contains(LinkReason.COURSE_PROVIDER) && agency.equals("vhs-harz"));
    }

    /** How the tests below sign on: with a password (HTTP Basic) here, with tokens in a subclass. */
    ApiClient commands() {
        return system.commands;
    }

    ApiClient queries() {
        return system.queries;
    }

    @Test
    void reads_answer_as_the_policy_says() {
        List<String> wrong = new ArrayList<>();
        String person = "/api/v1/persons/" + personId;
        for (AgencyKind kind : AgencyKind.values()) {
            for (Role role : Role.values()) {
                int read = role == Role.CASEWORKER ? (sees(kind) ? 200 : 404) : 403;
                check(wrong, kind, role, queries(), person, read);
                check(wrong, kind, role, queries(), person + "/timeline", read);
                check(
                        wrong,
                        kind,
                        role,
                        queries(),
                        "/api/v1/persons?name=Testfall",
                        role == Role.CASEWORKER ? 200 : 403);
                check(wrong, kind, role, queries(), "/api/v1/views", role == Role.CASEWORKER ? 200 : 403);
                check(wrong, kind, role, queries(), person + "/export", role == Role.DATA_STEWARD ? 200 : 403);
                check(
                        wrong,
                        kind,
                        role,
                        queries(),
                        "/api/v1/audit/access?person=" + personId,
                        role == Role.AUDITOR ? 200 : 403);
                check(
                        wrong,
                        kind,
                        role,
                        queries(),
                        "/api/v1/audit/changes?person=" + personId,
                        role == Role.AUDITOR ? 200 : 403);
                check(wrong, kind, role, queries(), "/api/v1/admin/projections", role == Role.DATA_STEWARD ? 200 : 403);
                check(
                        wrong,
                        kind,
                        role,
                        commands(),
                        "/api/v1/imports",
                        role == Role.CASEWORKER || role == Role.AGENCY_SYSTEM ? 200 : 403);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(
            List<String> wrong, AgencyKind kind, Role role, ApiClient service, String path, int expected) {
        int status = service.get(path, user(kind, role)).status();
        if (status != expected) {
            wrong.add("GET " + path + " as " + kind + "/" + role + ": " + status + ", expected " + expected);
        }
    }

    /** Each step with a body that passes validation, so that only entitlements decide between 403 and not. */
    private static List<String[]> steps(String enrolment) {
        String course = "/courses/" + enrolment;
        return List.of(
                new String[] {"CorrectBaseData", "/base-data-corrections", "{\"givenNames\":\"Matrix\"}"},
                new String[] {"MovePerson", "/moves", "{\"municipality\":\"15085370\"}"},
                new String[] {"ChangeResidenceStatus", "/residence-status", "{\"status\":\"AE_25_1\"}"},
                new String[] {"ChangeBenefitRegime", "/benefit-regime", "{\"regime\":\"SGB_II\"}"},
                new String[] {
                    "AssessLanguageLevel",
                    "/language-assessments",
                    "{\"skill\":\"READING\",\"level\":\"A2\",\"method\":\"EXAM\"}"
                },
                new String[] {
                    "EnrolInCourse",
                    "/courses",
                    "{\"courseType\":\"ERSTORIENTIERUNGSKURS\",\"startsOn\":\"2024-01-08\",\"providerAgency\":\"vhs-harz\"}"
                },
                new String[] {"InterruptCourse", course + "/interruptions", "{\"reason\":\"ILLNESS\"}"},
                new String[] {"ResumeCourse", course + "/resumptions", "{}"},
                new String[] {"CompleteCourse", course + "/completion", "{}"},
                new String[] {"DropOutOfCourse", course + "/drop-out", "{\"reason\":\"NO_SHOW\"}"},
                new String[] {"RecordSchooling", "/schooling", "{\"level\":\"ISCED_2\"}"},
                new String[] {
                    "RecordRecognitionDecision",
                    "/recognition-decisions",
                    "{\"referenceOccupation\":\"81302\",\"outcome\":\"FULL\"}"
                },
                new String[] {"RecordPreviousOccupation", "/previous-occupations", "{\"occupation\":\"25212\"}"},
                new String[] {"StartEmployment", "/employments", "{\"occupation\":\"54101\",\"kind\":\"MINI_JOB\"}"},
                new String[] {"RecordCounsellingSession", "/counselling-sessions", "{\"topics\":[\"HOUSING\"]}"},
                new String[] {
                    "GiveConsent",
                    "/consents",
                    "{\"purpose\":\"JOB_PLACEMENT\",\"recipientAgency\":\"jobcenter-harz\",\"evidenceReference\":\"J-1\"}"
                },
                new String[] {
                    "WithdrawConsent",
                    "/consent-withdrawals",
                    "{\"purpose\":\"JOB_PLACEMENT\",\"recipientAgency\":\"afa-halberstadt\"}"
                },
                new String[] {"ShareCase", "/case-shares", "{\"agency\":\"sozialamt-harz\",\"legalBasis\":\"SGB_X_69\"}"
                },
                new String[] {"EndAgencyAccess", "/case-shares/kim-harz/end", "{}"},
                new String[] {"EndSupport", "/support-end", "{\"reason\":\"NO_FURTHER_NEED\"}"},
                new String[] {"ResumeSupport", "/support-resumption", "{}"},
                new String[] {"RegisterPerson", "", null});
    }

    @Test
    void steps_are_refused_with_403_exactly_where_role_or_agency_kind_may_not_send_them() {
        // A person of its own whom every agency sees: the steps change what agencies see, which the read matrix
        // must not meet.
        String stepsPerson = register();
        String enrolment = linkEveryKind("/api/v1/persons/" + stepsPerson, true);
        List<String> wrong = new ArrayList<>();
        for (AgencyKind kind : AgencyKind.values()) {
            for (Role role : Role.values()) {
                for (String[] step : steps(enrolment)) {
                    boolean allowed =
                            (role == Role.CASEWORKER || role == Role.AGENCY_SYSTEM) && policy.maySend(kind, step[0]);
                    var answer = send(step, stepsPerson, user(kind, role));
                    // Refused by the role rules (no rule name) or by the agency kind's commands.
                    boolean refusedByPolicy = answer.status() == 403
                            && (!answer.json().has("rule")
                                    || answer.json().path("rule").asText().equals("policy.command-not-allowed"));
                    if (refusedByPolicy == allowed
                            || answer.status() == 404
                            || answer.status() >= 500
                            || answer.json().has("candidates") && !allowed) {
                        wrong.add("POST " + step[0] + " as " + kind + "/" + role + ": " + answer.status() + " "
                                + answer.body()
                                + (allowed ? ", expected to pass the entitlement checks" : ", expected 403"));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A person only the registering foreigners' authority and integration management see: every other agency
     * whose kind may send a step gets, for each step, the very answer an unknown person id gets, and nothing is
     * written — the finding was that one self-linking step gave any agency the whole card.
     */
    @Test
    void an_unlinked_agency_gets_for_every_step_the_answer_for_an_unknown_person_and_writes_nothing() {
        String unlinked = register();
        String unknown = java.util.UUID.randomUUID().toString();
        JdbcTemplate jdbc = system.commandService.getBean(JdbcTemplate.class);
        List<String> wrong = new ArrayList<>();
        for (AgencyKind kind : AgencyKind.values()) {
            if (kind == AgencyKind.AUSLAENDERBEHOERDE || kind == AgencyKind.INTEGRATIONSMANAGEMENT) {
                continue; // they see the person
            }
            for (String[] step : steps(java.util.UUID.randomUUID().toString())) {
                if (step[0].equals("RegisterPerson") || !policy.maySend(kind, step[0])) {
                    continue;
                }
                var toUnlinked = send(step, unlinked, user(kind, Role.CASEWORKER));
                var toUnknown = send(step, unknown, user(kind, Role.CASEWORKER));
                if (toUnlinked.status() != 404 || !withoutInstance(toUnlinked).equals(withoutInstance(toUnknown))) {
                    wrong.add(step[0] + " as " + kind + ": " + toUnlinked.status() + " " + toUnlinked.body()
                            + " but for an unknown person " + toUnknown.status() + " " + toUnknown.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        unlinked))
                .as("events of the unlinked person")
                .isEqualTo(1);
    }

    private String register() {
        return commands()
                .post("/api/v1/persons", "abh", ApiClient.json(RegisterAndReadTest.person()))
                .json()
                .path("personId")
                .asText();
    }

    private ApiClient.Response send(String[] step, String person, String user) {
        String path = step[0].equals("RegisterPerson") ? "/api/v1/persons" : "/api/v1/persons/" + person + step[1];
        String body = step[2] != null ? step[2] : ApiClient.json(RegisterAndReadTest.person());
        return commands().post(path, user, body);
    }

    private static com.fasterxml.jackson.databind.JsonNode withoutInstance(ApiClient.Response answer) {
        var body = answer.json().deepCopy();
        if (body instanceof com.fasterxml.jackson.databind.node.ObjectNode problem) {
            problem.remove("instance");
        }
        return body;
    }
}
