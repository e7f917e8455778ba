package de.kiim.command;

import de.kiim.platform.security.ApiAccessRules;
import de.kiim.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CommandAccessRules {

    /**
     * Erasure, legal holds and key administration are for data stewards; every other command comes from
     * caseworkers and agency systems. Every rule holds for all HTTP methods; the first matching rule applies, and
     * whatever none names is denied.
     */
    @Bean
    ApiAccessRules commandRules() {
        String steward = Role.DATA_STEWARD.name();
        return requests -> requests.requestMatchers(
                        "/api/v1/persons/*/erasure",
                        "/api/v1/persons/*/legal-holds",
                        "/api/v1/persons/*/legal-holds/**",
                        "/api/v1/admin/**")
                .hasRole(steward)
                .requestMatchers("/api/v1/persons", "/api/v1/persons/**")
                .hasAnyRole(Role.CASEWORKER.name(), Role.AGENCY_SYSTEM.name())
                .requestMatchers("/api/v1/imports", "/api/v1/imports/**")
                .hasAnyRole(Role.CASEWORKER.name(), Role.AGENCY_SYSTEM.name());
    }
}
