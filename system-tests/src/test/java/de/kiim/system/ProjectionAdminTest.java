package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProjectionAdminTest {

    private final RunningSystem system = RunningSystem.instance();

    @Test
    void stewards_see_every_projection_and_rebuild_one_without_losing_entries() {
        String personId = RegisterAndReadTest.registerSomeone(system);
        String timeline = "/api/v1/persons/" + personId + "/timeline";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> system.queries.get(timeline, "abh").status() == 200);

        // The only instance on this database holds all four segments of each projection.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode projections =
                    system.queries.get("/api/v1/admin/projections", "steward").json();
            assertThat(projections.findValuesAsText("name")).contains("agency-views");
            assertThat(projections
                            .get(projections.findValuesAsText("name").indexOf("agency-views"))
                            .path("segments"))
                    .hasSize(4);
        });

        var replay = system.queries.post("/api/v1/admin/projections/agency-views/replay", "steward", "");
        assertThat(replay.status()).isEqualTo(202);
        RegisterAndReadTest.registerSomeone(system); // a replay ends with the first event after its start
        // The replay empties the views first: done when all four segments are claimed, caught up and past it.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode projections =
                    system.queries.get("/api/v1/admin/projections", "steward").json();
            JsonNode segments = projections
                    .get(projections.findValuesAsText("name").indexOf("agency-views"))
                    .path("segments");
            return segments.size() == 4
                    && segments.findValues("caughtUp").stream().allMatch(JsonNode::asBoolean)
                    && segments.findValues("replaying").stream().noneMatch(JsonNode::asBoolean)
                    && system.queries.get(timeline, "abh").status() == 200;
        });
        assertThat(system.queries.get(timeline, "abh").json()).hasSize(1);
    }

    @Test
    void projection_administration_is_for_stewards_and_names_must_exist() {
        assertThat(system.queries.get("/api/v1/admin/projections", "abh").status())
                .isEqualTo(403);
        assertThat(system.queries
                        .post("/api/v1/admin/projections/agency-views/replay", "analyst", "")
                        .status())
                .isEqualTo(403);
        assertThat(system.queries
                        .post("/api/v1/admin/projections/no-such/replay", "steward", "")
                        .status())
                .isEqualTo(404);
    }
}
