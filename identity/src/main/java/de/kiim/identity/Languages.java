package de.kiim.identity;

import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * German first; English on request ({@code ?lang=en}), remembered in a cookie. Only the two languages there are
 * texts for: any other request falls back to German, so that the page never claims a language it is not in.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    private static final Set<String> OFFERED = Set.of("de", "en");

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("kiim-lang") {
            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                Locale locale = super.resolveLocale(request);
                return OFFERED.contains(locale.getLanguage()) ? locale : Locale.GERMAN;
            }

            @Override
            public void setLocale(
                    jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    Locale locale) {
                super.setLocale(
                        request, response, locale != null && OFFERED.contains(locale.getLanguage()) ? locale : null);
            }
        };
        resolver.setDefaultLocale(Locale.GERMAN);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
