package de.kiim.command;

import de.kiim.platform.security.ApiAccessRules;
import de.kiim.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class CommandAccessRules {

    /** Commands come from caseworkers and from agency systems. */
    @Bean
    ApiAccessRules commandRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/v1/persons", "/api/v1/persons/**")
                .hasAnyRole(Role.CASEWORKER.name(), Role.AGENCY_SYSTEM.name());
    }
}
