package de.kiim.query;

import de.kiim.platform.security.ApiAccessRules;
import de.kiim.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class QueryAccessRules {

    /**
     * A single person's data is for caseworkers; analysts and auditors get aggregates and trails elsewhere.
     * Projection administration is for data stewards.
     */
    @Bean
    ApiAccessRules personRules() {
        return requests -> requests
                .requestMatchers("/api/v1/admin/**").hasRole(Role.DATA_STEWARD.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/persons/**").hasRole(Role.CASEWORKER.name());
    }
}
