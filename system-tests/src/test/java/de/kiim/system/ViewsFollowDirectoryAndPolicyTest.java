package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.ServiceProcess;
import de.kiim.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The views follow the agency directory and the entitlement policy by themselves: an agency added after a person
 * was recorded sees that person as its kind is entitled to, a closed agency is linked to nobody (without a rebuild,
 * as a new name needs none either), and a service
 * started with a new policy version rebuilds the views it built with the old one and says which version they serve.
 */
class ViewsFollowDirectoryAndPolicyTest {

    private static final String PROJECTIONS = "/api/v1/admin/projections";

    @TempDir
    Path secrets;

    @Test
    void an_agency_added_later_sees_the_persons_recorded_before_it_and_a_closed_one_sees_nobody() {
        RunningSystem system = RunningSystem.instance();
        JdbcTemplate jdbc = system.commandService.getBean(JdbcTemplate.class);
        String personId = RegisterAndReadTest.registerSomeone(system);
        String card = "/api/v1/persons/" + personId;
        await().atMost(Duration.ofSeconds(10))
                .until(() -> system.queries.get(card, "abh").status() == 200);

        String agency = "kim-neu-" + UUID.randomUUID().toString().substring(0, 8);
        var added = system.commands.post(
                "/api/v1/admin/agencies",
                "steward",
                ApiClient.json(Map.of(
                        "id",
                        agency,
                        "name",
                        "Integrationsmanagement Neu",
                        "kind",
                        "INTEGRATIONSMANAGEMENT",
                        "municipality",
                        "15085135")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String user = agency + "-user";
        jdbc.update(
                "insert into directory.app_user (username, password_hash, agency_id, roles) values (?, ?, ?, "
                        + "'{CASEWORKER}')",
                user,
                new BCryptPasswordEncoder().encode("demo"),
                agency);

        // Integration management sees every person: after the rebuild, the one recorded before it too.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> system.queries.get(card, user).status() == 200);
        awaitRebuilt(system.queries);
        String builtAt =
                agencyViews(system.queries).path("build").path("builtAt").asText();

        // A new name changes no row, and a closure only the agency's own: neither rebuilds the views.
        assertThat(system.commands
                        .post(
                                "/api/v1/admin/agencies/" + agency + "/name",
                                "steward",
                                "{\"name\":\"Integrationsmanagement Harz\"}")
                        .status())
                .isEqualTo(204);
        assertThat(system.commands
                        .post("/api/v1/admin/agencies/" + agency + "/closure", "steward", "{}")
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from query.person_link where agency_id = ?", Long.class, agency)
                        == 0);
        assertThat(jdbc.queryForObject(
                        "select count(*) from query.timeline_entry where agency_id = ?", Long.class, agency))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from query.person_card where agency_id = ?", Long.class, agency))
                .isZero();
        JsonNode build = agencyViews(system.queries).path("build");
        assertThat(build.path("pendingRebuild").isNull()).isTrue();
        assertThat(build.path("builtAt").asText()).isEqualTo(builtAt);
        assertThat(system.queries.get(card, "abh").status()).isEqualTo(200);

        JsonNode trail = system.queries
                .get("/api/v1/audit/changes?type=AgencyClosed", "auditor")
                .json();
        assertThat(trail.findValuesAsText("changedAgency")).contains(agency);
    }

    /**
     * Until the agency views wait for no rebuild and every segment has caught up again (a replay counts as one until
     * the first event after its start, so "replaying" alone would not end).
     */
    private static void awaitRebuilt(ApiClient queries) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode views = agencyViews(queries);
                    JsonNode segments = views.path("segments");
                    return views.path("build").path("pendingRebuild").isNull()
                            && segments.size() == 4
                            && segments.findValues("caughtUp").stream().allMatch(JsonNode::asBoolean);
                });
    }

    private static JsonNode agencyViews(ApiClient queries) {
        JsonNode projections = queries.get(PROJECTIONS, "steward").json();
        return projections.get(projections.findValuesAsText("name").indexOf("agency-views"));
    }

    @Test
    void a_new_policy_version_rebuilds_the_views_at_start_up() throws Exception {
        TestDatabase database = TestDatabase.another();
        Path kek = ScaleOut.kekFile(secrets);
        Path policy = secrets.resolve("entitlement-policy.yml");
        String shipped = new String(
                getClass().getResourceAsStream("/entitlement-policy.yml").readAllBytes());
        int version = Integer.parseInt(shipped.replaceAll("(?s).*?\\nversion:\\s*(\\d+).*", "$1"));
        Files.writeString(policy, shipped.replaceFirst("\\nversion:\\s*\\d+", "\nversion: " + (version + 1)));

        try (var command = ServiceProcess.start("command-service", "policy-command", database, kek)) {
            String personId = ScaleOut.register(command.api, 1);
            try (var query = ServiceProcess.start("query-service", "policy-query-old", database, kek)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> query.api
                                        .get("/api/v1/persons/" + personId, "abh")
                                        .status()
                                == 200);
                assertThat(agencyViews(query.api)
                                .path("build")
                                .path("policyVersion")
                                .asInt())
                        .isEqualTo(version);
            }
            try (var query = ServiceProcess.start(
                    "query-service", "policy-query-new", database, kek, "--kiim.entitlements.policy=file:" + policy)) {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(agencyViews(query.api)
                                        .path("build")
                                        .path("policyVersion")
                                        .asInt())
                                .isEqualTo(version + 1));
                awaitRebuilt(query.api);
                assertThat(query.api.get("/api/v1/persons/" + personId, "abh").status())
                        .isEqualTo(200);
                assertThat(ScaleOut.jdbc(database)
                                .queryForObject(
                                        "select built_at > now() - interval '1 minute' "
                                                + "from query.view_build where view_name = 'agency-views'",
                                        Boolean.class))
                        .isTrue();
            }
        }
    }
}
