package de.kiim.query.agencyviews;

import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.query.projections.Replays;
import de.kiim.query.projections.ViewBuild;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class AgencyViewsConfiguration {

    /** The agency views are what the entitlement policy and the directory shape: they rebuild when those change. */
    @Bean
    ViewBuild agencyViewsBuild(JdbcTemplate jdbc, Replays replays, EntitlementPolicy policy) {
        return new ViewBuild(AgencyViewsProjection.GROUP, jdbc, replays, policy);
    }
}
