package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.kiim.platform.security.Role;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The role rules hold for every HTTP method alike, over HTTP: each endpoint family × each role × GET, HEAD, POST,
 * PUT, PATCH, DELETE, OPTIONS and TRACE answers 403 for a role the family is not for, and something other than 403
 * for a role it is for; paths no rule names are refused to everyone. Spring MVC answers HEAD with the GET handler and
 * OPTIONS by itself, so a rule that named GET alone let every other role through on those methods. TRACE goes no
 * further than Spring Security's firewall, which refuses it with 400 for every caller before any rule is asked.
 * Person paths name an unknown person, so that what a permitted role sends changes nothing.
 */
class MethodRulesTest {

    private static final List<String> METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final Set<Role> COMMANDING = Set.of(Role.CASEWORKER, Role.AGENCY_SYSTEM);

    private static final RunningSystem system = RunningSystem.instance();

    /** An endpoint family: some of its paths, and the roles that may call it. */
    private record Family(String name, ApiClient service, Set<Role> roles, String... paths) {}

    @BeforeAll
    static void oneUserPerRole() {
        JdbcTemplate jdbc = system.commandService.getBean(JdbcTemplate.class);
        String hash = system.commandService.getBean(PasswordEncoder.class).encode("demo");
        for (Role role : Role.values()) {
            jdbc.update("""
                    insert into directory.app_user (username, password_hash, agency_id, roles, demo)
                    values (?, ?, 'abh-harz', ?::varchar[], true) on conflict (username) do nothing""", user(role), hash, "{" + role.name() + "}");
        }
    }

    private static String user(Role role) {
        return "methods-" + role.name().toLowerCase();
    }

    private static List<Family> families() {
        String person = "/api/v1/persons/" + UUID.randomUUID();
        return List.of(
                new Family(
                        "person card, timeline, search, views",
                        system.queries,
                        Set.of(Role.CASEWORKER),
                        person,
                        person + "/timeline",
                        "/api/v1/persons?name=Testfall",
                        "/api/v1/persons/search",
                        "/api/v1/views",
                        "/api/v1/views/methods"),
                new Family("the caller", system.queries, EnumSet.allOf(Role.class), "/api/v1/me"),
                new Family("export", system.queries, Set.of(Role.DATA_STEWARD), person + "/export"),
                new Family(
                        "audit",
                        system.queries,
                        Set.of(Role.AUDITOR),
                        "/api/v1/audit/access?person=" + person,
                        "/api/v1/audit/changes?person=" + person,
                        "/api/v1/audit/access/verification"),
                new Family(
                        "projection admin",
                        system.queries,
                        Set.of(Role.DATA_STEWARD),
                        "/api/v1/admin/projections",
                        "/api/v1/admin/projections/no-such-projection/replay"),
                new Family(
                        "query paths no rule names",
                        system.queries,
                        Set.of(),
                        "/",
                        "/api/v1/unnamed",
                        "/api/v2/persons"),
                new Family(
                        "query actuator",
                        system.queries,
                        Set.of(Role.OPERATOR),
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/actuator"),
                new Family(
                        "commands",
                        system.commands,
                        COMMANDING,
                        "/api/v1/persons",
                        person + "/moves",
                        person + "/courses",
                        person + "/support-end"),
                new Family(
                        "imports",
                        system.commands,
                        COMMANDING,
                        "/api/v1/imports",
                        "/api/v1/imports/" + UUID.randomUUID()),
                new Family(
                        "erasure and legal holds",
                        system.commands,
                        Set.of(Role.DATA_STEWARD),
                        person + "/erasure",
                        person + "/legal-holds",
                        person + "/legal-holds/LEGAL_CLAIMS"),
                new Family(
                        "key administration", system.commands, Set.of(Role.DATA_STEWARD), "/api/v1/admin/key-rotation"),
                new Family(
                        "command paths no rule names",
                        system.commands,
                        Set.of(),
                        "/",
                        "/api/v1/unnamed",
                        "/api/v1/views"),
                new Family(
                        "command actuator",
                        system.commands,
                        Set.of(Role.OPERATOR),
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/actuator"));
    }

    @Test
    void every_method_meets_the_role_rule_of_its_path() {
        List<String> wrong = new ArrayList<>();
        for (Family family : families()) {
            for (String path : family.paths()) {
                for (String method : METHODS) {
                    String where = method + " " + path + " (" + family.name() + ")";
                    for (Role role : Role.values()) {
                        boolean allowed = family.roles().contains(role);
                        int status = family.service()
                                .send(method, path, user(role), WITH_BODY.contains(method) ? "{}" : null)
                                .status();
                        if (method.equals("TRACE") ? status != 400 : (status == 403) == allowed || status >= 500) {
                            wrong.add(where + " as " + role + ": " + status
                                    + (method.equals("TRACE")
                                            ? ", expected 400"
                                            : allowed ? ", expected anything but 403" : ", expected 403"));
                        }
                    }
                    int anonymous =
                            family.service().send(method, path, null, null).status();
                    if (anonymous != (method.equals("TRACE") ? 400 : 401)) {
                        wrong.add(where + " without credentials: " + anonymous);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void health_and_the_api_description_stay_open() {
        for (ApiClient service : List.of(system.queries, system.commands)) {
            assertThat(service.get("/actuator/health", null).status()).isEqualTo(200);
            assertThat(service.send("HEAD", "/actuator/health", null, null).status())
                    .isEqualTo(200);
            assertThat(service.get("/v3/api-docs", null).status()).isEqualTo(200);
        }
    }

    /**
     * The two reads of the review, which the access log recorded: an analyst's HEAD of a person card (the version of
     * any person), a caseworker of a language-course provider's HEAD of the Art. 15 export.
     */
    @Test
    void a_head_a_get_would_be_refused_for_is_refused_and_leaves_no_access_log_entry() {
        String personId = system.commands
                .post("/api/v1/persons", "abh", ApiClient.json(RegisterAndReadTest.person()))
                .json()
                .path("personId")
                .asText();
        String card = "/api/v1/persons/" + personId;
        // The analyst works for the district's integration management, which sees every person once projected.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> system.queries.get(card, "kim").status() == 200);
        long before = accessLogEntries(personId);

        var analystHead = system.queries.send("HEAD", card, "analyst", null);
        var courseProviderHead = system.queries.send("HEAD", card + "/export", "sprachkurs", null);

        assertThat(accessLogEntries(personId)).isEqualTo(before);
        assertThat(analystHead.status()).isEqualTo(403);
        assertThat(analystHead.header("ETag")).isEmpty();
        assertThat(courseProviderHead.status()).isEqualTo(403);
        // A HEAD the caller may send is a read like a GET, and is recorded as one: the count above would see it.
        assertThat(system.queries.send("HEAD", card, "kim", null).status()).isEqualTo(200);
        assertThat(accessLogEntries(personId)).isEqualTo(before + 1);
    }

    private static long accessLogEntries(String personId) {
        return system.queryService
                .getBean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from audit.access_log where person_id = ?::uuid", Long.class, personId);
    }
}
