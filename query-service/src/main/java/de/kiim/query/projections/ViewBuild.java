package de.kiim.query.projections;

import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.web.RuleViolation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What a view depends on beyond the events — the entitlement policy and the agency directory — and the rebuild
 * that makes it follow them (table {@code query.view_build}): started when the service comes up with a policy
 * version other than the one the view was built with, or when the directory changed. A request is a row, carried
 * out within seconds by an instance that holds the projection, and kept while another instance holds segments.
 */
public class ViewBuild {

    private static final Logger LOG = LoggerFactory.getLogger(ViewBuild.class);

    /** The policy version the view serves, and the rebuild it waits for, if any. */
    public record Status(int policyVersion, Instant builtAt, String pendingRebuild) {}

    private final String view;
    private final JdbcTemplate jdbc;
    private final Replays replays;
    private final int policyVersion;
    /** The request last found waiting for another instance: warned about once, not every round. */
    private Object waitingSince;

    public ViewBuild(String view, JdbcTemplate jdbc, Replays replays, EntitlementPolicy policy) {
        this.view = view;
        this.jdbc = jdbc;
        this.replays = replays;
        this.policyVersion = policy.version();
    }

    public String view() {
        return view;
    }

    /**
     * A view without a row is taken to be built with this version: it is new (and builds with it now), or it was
     * built before versions were stored, when a policy change needed a manual replay anyway. Only a newer version
     * asks for a rebuild: an instance left on an older one during a rolling deployment does not take the views back.
     */
    @EventListener(ApplicationReadyEvent.class)
    void compareThePolicyVersion() {
        jdbc.update(
                "insert into query.view_build (view_name, policy_version) values (?, ?) on conflict do nothing",
                view,
                policyVersion);
        status().ifPresent(built -> {
            if (built.policyVersion() < policyVersion) {
                request("entitlement policy version " + built.policyVersion() + " -> " + policyVersion);
            } else if (built.policyVersion() > policyVersion) {
                LOG.warn(
                        "{} is built with entitlement policy version {}; this instance runs the older version {}",
                        view,
                        built.policyVersion(),
                        policyVersion);
            }
        });
    }

    /**
     * Asks for a rebuild with this instance's policy version or a later one; in a projection's handler, it is
     * requested with the handler's transaction. The row may not exist yet (a directory change handled before the
     * service was ready on its first start): the request creates it.
     */
    public void request(String reason) {
        jdbc.update("""
                insert into query.view_build (view_name, policy_version, rebuild_reason, rebuild_requested_at,
                                              rebuild_policy_version)
                values (?, ?, ?, clock_timestamp(), ?)
                on conflict (view_name) do update
                   set rebuild_reason = excluded.rebuild_reason,
                       rebuild_requested_at = excluded.rebuild_requested_at,
                       rebuild_policy_version = greatest(query.view_build.rebuild_policy_version,
                                                         excluded.rebuild_policy_version)""", view, policyVersion, reason, policyVersion);
    }

    public Optional<Status> status() {
        return jdbc
                .query(
                        "select policy_version, built_at, rebuild_reason from query.view_build where view_name = ?",
                        (rs, row) -> new Status(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
                        view)
                .stream()
                .findFirst();
    }

    /**
     * Carries out a pending request: resets the projection and records the policy version it now builds with. A
     * request that arrives meanwhile has a later time and stays pending for the next round. A request for a later
     * policy version than this instance's, or views built with one, wait for an instance that runs it; so does a
     * request while another instance holds segments, whose processor this one leaves running.
     */
    @Scheduled(fixedDelayString = "${kiim.views.rebuild-check-interval:PT2S}")
    void rebuildIfRequested() {
        var requested =
                jdbc.query("""
                        select rebuild_reason, rebuild_requested_at,
                               greatest(policy_version, rebuild_policy_version) as needed_version
                          from query.view_build where view_name = ? and rebuild_reason is not null""", (rs, row) -> new Request(rs.getString(1), rs.getTimestamp(2), rs.getInt(3)), view);
        if (requested.isEmpty()) {
            return;
        }
        Request request = requested.get(0);
        if (request.neededVersion() > policyVersion) {
            waitFor(request, "an instance with entitlement policy version " + request.neededVersion());
            return;
        }
        try {
            replays.replay(view);
        } catch (RuleViolation claimedElsewhere) {
            waitFor(request, "another instance holds segments of it");
            return;
        }
        jdbc.update("""
                update query.view_build set policy_version = ?, built_at = clock_timestamp(),
                       rebuild_reason = case when rebuild_requested_at = ? then null else rebuild_reason end,
                       rebuild_policy_version = case when rebuild_requested_at = ? then null
                                                     else rebuild_policy_version end
                 where view_name = ?""", policyVersion, request.at(), request.at(), view);
        LOG.info("Rebuilding {} ({})", view, request.reason());
    }

    private record Request(String reason, Timestamp at, int neededVersion) {}

    /** Warns once per request, not every round. */
    private void waitFor(Request request, String why) {
        if (!request.at().equals(waitingSince)) {
            waitingSince = request.at();
            LOG.warn("Rebuild of {} waits: {} ({})", view, why, request.reason());
        }
    }
}
