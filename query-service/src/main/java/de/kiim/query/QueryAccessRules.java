package de.kiim.query;

import de.kiim.platform.security.ApiAccessRules;
import de.kiim.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class QueryAccessRules {

    /**
     * A single person's data is for caseworkers (their agency's view) and, as an Art. 15 export, for data
     * stewards; auditors get the change trail and access log without payload; analysts get the indicators, which are
     * aggregates under disclosure control, and nothing of a single person.
     * Projection administration is for data stewards; who the caller is ({@code /api/v1/me}), for everyone signed
     * in. Every rule holds for all HTTP methods (HEAD of an export is an export); the first matching rule applies,
     * and whatever none names is denied.
     */
    @Bean
    ApiAccessRules personRules() {
        return requests -> requests.requestMatchers("/api/v1/me")
                .authenticated()
                .requestMatchers("/api/v1/admin/**")
                .hasRole(Role.DATA_STEWARD.name())
                .requestMatchers("/api/v1/audit/**")
                .hasRole(Role.AUDITOR.name())
                .requestMatchers("/api/v1/persons/*/export")
                .hasRole(Role.DATA_STEWARD.name())
                .requestMatchers("/api/v1/persons", "/api/v1/persons/**")
                .hasRole(Role.CASEWORKER.name())
                .requestMatchers("/api/v1/views", "/api/v1/views/**")
                .hasRole(Role.CASEWORKER.name())
                .requestMatchers("/api/v1/indicators", "/api/v1/indicators/**")
                .hasRole(Role.ANALYST.name())
                .requestMatchers("/api/v1/reports/**")
                .hasRole(Role.ANALYST.name())
                .requestMatchers("/api/v1/targets")
                .hasAnyRole(Role.ANALYST.name(), Role.DATA_STEWARD.name());
    }
}
