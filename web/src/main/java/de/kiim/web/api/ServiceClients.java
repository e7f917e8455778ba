package de.kiim.web.api;

import de.kiim.web.WebSettings;
import java.time.Duration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The HTTP clients of the two services. Every call carries the signed-in user's own access token (refreshed when
 * it has expired; when it cannot be, the user is sent to sign in again) and the page's language, in which the
 * services answer their labels.
 */
@Configuration
class ServiceClients {

    static final String REGISTRATION = "kiim";

    @Bean
    CommandService commandService(
            RestClient.Builder builder, OAuth2AuthorizedClientManager tokens, WebSettings settings) {
        return new CommandService(client(builder, tokens, settings.commandUrl().toString()));
    }

    @Bean
    QueryService queryService(RestClient.Builder builder, OAuth2AuthorizedClientManager tokens, WebSettings settings) {
        return new QueryService(client(builder, tokens, settings.queryUrl().toString()));
    }

    private static RestClient client(RestClient.Builder builder, OAuth2AuthorizedClientManager tokens, String url) {
        var bearer = new OAuth2ClientHttpRequestInterceptor(tokens);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        return builder.clone()
                .baseUrl(url)
                .requestFactory(ClientHttpRequestFactoryBuilder.detect()
                        .build(ClientHttpRequestFactorySettings.defaults()
                                .withConnectTimeout(Duration.ofSeconds(2))
                                .withReadTimeout(Duration.ofSeconds(30))))
                .requestInterceptor(bearer)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders()
                            .set(
                                    HttpHeaders.ACCEPT_LANGUAGE,
                                    LocaleContextHolder.getLocale().getLanguage());
                    return execution.execute(request, body);
                })
                .defaultStatusHandler(status -> status.is4xxClientError(), ApiProblem::read)
                .build();
    }
}
