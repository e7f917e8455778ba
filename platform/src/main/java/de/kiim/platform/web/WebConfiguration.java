package de.kiim.platform.web;

import com.fasterxml.jackson.databind.Module;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Problem details for every error, a correlation id on every request (registered before security), and no control
 * characters in any text of a request body or in any request parameter.
 */
@AutoConfiguration
@Import(ApiProblemHandler.class)
public class WebConfiguration {

    /** Spring Boot registers every Jackson module bean with the services' ObjectMapper (request bodies, imports). */
    @Bean
    Module textWithoutControlCharacters() {
        return TextDeserializer.module();
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
}
