package de.kiim.query.labels;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration
class LanguageConfiguration {

    /** Labels come in German (the default: Kiim's users work in German) or English, chosen by Accept-Language. */
    @Bean
    LocaleResolver localeResolver() {
        var resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.GERMAN, Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.GERMAN);
        return resolver;
    }
}
