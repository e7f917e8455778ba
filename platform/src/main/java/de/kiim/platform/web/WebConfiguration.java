package de.kiim.platform.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Problem details for every error, a correlation id on every request, a bound on the requests worked on at once and
 * on the size of their bodies (these filters registered before security), a fair share of those places per caller
 * (after security), and no control characters in any text of a request body or in any request parameter.
 */
@AutoConfiguration
@Import(ApiProblemHandler.class)
@EnableConfigurationProperties(WebLimits.class)
public class WebConfiguration {

    /** The longest string any request body may hold. */
    public static final int MAX_TEXT_CHARS = 10_000;

    /** Spring Boot registers every Jackson module bean with the services' ObjectMapper (request bodies, imports). */
    @Bean
    Module textWithoutControlCharacters() {
        return TextDeserializer.module();
    }

    @Bean
    Module datesWithinRange() {
        return DateDeserializer.module();
    }

    @Bean
    WebMvcConfigurer textParametersWithoutControlCharacters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ControlCharacterParameters());
            }
        };
    }

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
            @Value("${kiim.web.admission-wait:PT0.5S}") Duration wait,
            ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new AdmissionFilter(maxConcurrentRequests, wait, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Before security and anything else that might read the body. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(WebLimits limits, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(limits, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** After security, which tells whose request it is. */
    @Bean
    FilterRegistrationBean<FairShareFilter> fairShareFilter(
            @Value("${kiim.web.max-concurrent-requests-per-user:16}") int perUser, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new FairShareFilter(perUser, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Small bounds on what Jackson reads, below its generous defaults: no text of Kiim is longer than a few hundred
     * characters, no body nested more than a few levels, no number longer than a date.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer boundedJson() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_TEXT_CHARS)
                        .maxNestingDepth(16)
                        .maxNumberLength(32)
                        .build()));
    }
}
