package de.kiim.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.platform.web.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers 401, 403 and refused sign-ins (429, 503) from the security filters as RFC 9457 problem details, like every
 * other error; 503 as well when the agency directory could not be read because the database is unavailable.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final ObjectMapper json;
    private final SecurityProperties properties;

    public ProblemAuthenticationEntryPoint(ObjectMapper json, SecurityProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        if (ServiceUnavailable.isDatabaseUnavailable(authException)) {
            // The directory could not be asked: the credentials may be fine, so no 401 that tells the client otherwise.
            ServiceUnavailable.writeDatabaseUnavailable(authException, response, json);
            return;
        }
        if (authException instanceof SignInRefusedException refused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
            write(
                    response,
                    refused.status(),
                    refused.status() == HttpStatus.TOO_MANY_REQUESTS
                            ? "Too many failed sign-ins: try again after the time in Retry-After."
                            : "Too many sign-ins at once: try again after the time in Retry-After.");
            return;
        }
        if (authException instanceof AccessTokens.IdentityProviderUnavailable) {
            // The token may be fine: no 401 that tells the client otherwise.
            LOG.warn(
                    "Sign-on unavailable: {}",
                    authException.getCause().getClass().getSimpleName());
            ServiceUnavailable.write(
                    response, json, 5, "Sign-on is unavailable: the identity provider cannot be reached.");
            return;
        }
        // Every scheme the service takes (RFC 9110 11.6.1); a refused token is named as such (RFC 6750 3.1)
        // without saying what was wrong with it.
        if (properties.basic().enabled()) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kiim\"");
        }
        if (properties.jwt().isEnabled()) {
            response.addHeader(
                    HttpHeaders.WWW_AUTHENTICATE,
                    authException instanceof OAuth2AuthenticationException
                            ? "Bearer realm=\"kiim\", error=\"invalid_token\""
                            : "Bearer realm=\"kiim\"");
        }
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                authException instanceof OAuth2AuthenticationException
                        ? "The access token is not valid: it is malformed, expired, not signed by the identity "
                                + "provider, or not issued for Kiim."
                        : "Authentication required: send valid credentials.");
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        boolean agencyUnknown = SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof KiimUser user
                && user.agencyId() == null;
        write(
                response,
                HttpStatus.FORBIDDEN,
                agencyUnknown
                        ? "Your token names no agency of the directory, or a closed one."
                        : "Your role does not allow this request.");
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
