package de.kiim.query.projections;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.platform.entitlements.EntitlementPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The rebuild requests of a view, in {@code query.view_build}: none is lost, and the policy version a view records
 * never goes back. A view of its own name, so that no real projection is rebuilt.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service,test")
@ActiveProfiles("local")
class ViewBuildTest {

    private static final String VIEW = "view-build-test";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Replays replays;

    @Autowired
    EntitlementPolicy policy;

    ViewBuild build;

    @BeforeEach
    void setUp() {
        jdbc.update("delete from query.view_build where view_name = ?", VIEW);
        build = new ViewBuild(VIEW, jdbc, replays, policy);
    }

    @Test
    void a_request_before_the_first_start_creates_its_row_and_is_kept() {
        build.request("AgencyAdded jc-neu");

        assertThat(build.status()).hasValueSatisfying(status -> {
            assertThat(status.pendingRebuild()).isEqualTo("AgencyAdded jc-neu");
            assertThat(status.policyVersion()).isEqualTo(policy.version());
        });
        build.compareThePolicyVersion();
        assertThat(build.status().orElseThrow().pendingRebuild()).isEqualTo("AgencyAdded jc-neu");
    }

    @Test
    void an_instance_with_an_older_policy_asks_for_no_rebuild_of_views_built_with_a_newer_one() {
        jdbc.update(
                "insert into query.view_build (view_name, policy_version) values (?, ?)", VIEW, policy.version() + 1);

        build.compareThePolicyVersion();

        assertThat(build.status().orElseThrow().pendingRebuild()).isNull();
        assertThat(build.status().orElseThrow().policyVersion()).isEqualTo(policy.version() + 1);
    }

    @Test
    void a_newer_policy_asks_for_a_rebuild_and_a_later_request_keeps_the_version_asked_for() {
        jdbc.update(
                "insert into query.view_build (view_name, policy_version) values (?, ?)", VIEW, policy.version() - 1);

        build.compareThePolicyVersion();
        assertThat(build.status().orElseThrow().pendingRebuild())
                .isEqualTo("entitlement policy version " + (policy.version() - 1) + " -> " + policy.version());

        jdbc.update(
                "update query.view_build set rebuild_policy_version = ? where view_name = ?",
                policy.version() + 1,
                VIEW);
        build.request("AgencyAdded jc-neu");
        assertThat(jdbc.queryForObject(
                        "select rebuild_policy_version from query.view_build where view_name = ?", Integer.class, VIEW))
                .isEqualTo(policy.version() + 1);
    }
}
