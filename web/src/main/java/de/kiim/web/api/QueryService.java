package de.kiim.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The query service's reads, each as the signed-in user. */
public class QueryService {

    private final RestClient http;

    QueryService(RestClient http) {
        this.http = http;
    }

    public Caller me() {
        return http.get().uri("/api/v1/me").retrieve().body(Caller.class);
    }

    public IndicatorCatalogue indicators() {
        return http.get().uri("/api/v1/indicators").retrieve().body(IndicatorCatalogue.class);
    }

    /** An indicator's table for the parameters (codes and dates only, never a person's data). */
    public IndicatorTable indicator(String name, MultiValueMap<String, String> parameters) {
        return http.get()
                .uri(uri -> uri.path("/api/v1/indicators/{name}")
                        .queryParams(parameters)
                        .build(name))
                .retrieve()
                .body(IndicatorTable.class);
    }

    /** The same table as the query service writes it for spreadsheets (German headers, "." where withheld). */
    public byte[] indicatorCsv(String name, MultiValueMap<String, String> parameters) {
        return http.get()
                .uri(uri -> uri.path("/api/v1/indicators/{name}")
                        .queryParams(parameters)
                        .build(name))
                .accept(new MediaType("text", "csv"))
                .retrieve()
                .body(byte[].class);
    }

    /** The yearly integration report as PDF, for the year of arrival cohorts it reports on. */
    public byte[] integrationReport(int year) {
        return http.get()
                .uri(uri -> uri.path("/api/v1/reports/integration")
                        .queryParam("year", year)
                        .build())
                .accept(MediaType.APPLICATION_PDF)
                .retrieve()
                .body(byte[].class);
    }

    /** The access log or the change trail ({@code access}, {@code changes}) for the filters, as the auditor reads it. */
    public List<Map<String, Object>> audit(String trail, MultiValueMap<String, String> filters) {
        return http.get()
                .uri(uri ->
                        uri.path("/api/v1/audit/{trail}").queryParams(filters).build(trail))
                .retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    }

    /** The access log's hash chain, walked and checked against its anchors. */
    public Map<String, Object> accessLogVerification() {
        return http.get()
                .uri("/api/v1/audit/access/verification")
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
    }

    /** A search; its terms travel in the body, never in a URL. */
    public SearchPage search(Map<String, String> terms) {
        return http.post().uri("/api/v1/persons/search").body(terms).retrieve().body(SearchPage.class);
    }

    /** The card, or empty for a person the user's agency does not see (or no longer sees). */
    public Optional<Card> card(UUID personId) {
        try {
            var answer = http.get()
                    .uri("/api/v1/persons/{id}", personId)
                    .retrieve()
                    .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
            String tag = answer.getHeaders().getETag();
            long version = tag == null ? 0 : Long.parseLong(tag.replaceAll("\\D", ""));
            return Optional.of(new Card(answer.getBody(), version));
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** The timeline as of {@code asOf} (null: now), or empty for a person the agency does not see. */
    public List<TimelineEntry> timeline(UUID personId, Instant asOf) {
        try {
            return http.get()
                    .uri(uri -> {
                        uri.path("/api/v1/persons/{id}/timeline");
                        if (asOf != null) {
                            uri.queryParam("asOf", asOf);
                        }
                        return uri.build(personId);
                    })
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<TimelineEntry>>() {});
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return List.of();
            }
            throw problem;
        }
    }
}
