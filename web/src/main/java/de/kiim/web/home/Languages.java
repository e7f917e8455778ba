package de.kiim.web.home;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** German by default, English by the switch in the header ({@code ?lang=en}), remembered in a cookie. */
@Configuration
class Languages implements WebMvcConfigurer {

    private static final java.util.Set<String> SUPPORTED = java.util.Set.of("de", "en");

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("KIIM_LANG");
        resolver.setDefaultLocale(Locale.GERMAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String language) {
                // Only the languages of the message bundles; anything else leaves the language as it is.
                if (!SUPPORTED.contains(language)) {
                    throw new IllegalArgumentException("unsupported language");
                }
                return Locale.forLanguageTag(language);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
