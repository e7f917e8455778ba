package de.kiim.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's rules for which roles may call which endpoints. They are checked on the URL, before the request body
 * is read, so a user without the role gets 403 whatever they send. A rule names paths, never an HTTP method: it
 * holds for HEAD, OPTIONS and every other method as for GET and POST, since Spring MVC answers HEAD with the GET
 * handler and OPTIONS by itself. Requests no rule matches are denied.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
