package de.kiim.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import java.time.Duration;

/**
 * Problem details for every error, a correlation id on every request, and a bound on the requests worked on at once
 * (both filters registered before security).
 */
@AutoConfiguration
@Import(ApiProblemHandler.class)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the correlation id, so that a busy or database-less answer still carries it. */
    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(
            @Value("${kiim.web.max-concurrent-requests:48}") int maxConcurrentRequests,
            @Value("${kiim.web.admission-wait:PT0.5S}") Duration wait, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new AdmissionFilter(maxConcurrentRequests, wait, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
