package de.kiim.query.agencyviews;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.events.EventJson;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.platform.entitlements.ConsentKey;
import de.kiim.platform.entitlements.LinkFacts;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link LinkFacts} as stored in {@code query.person_link_facts}: plain JSON, lists instead of maps keyed by records. */
record StoredFacts(
        String registeredBy,
        BenefitRegime regime,
        List<Consent> consents,
        List<CaseShare> caseShares,
        Set<String> courseProviders) {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    record Consent(String recipientAgency, ConsentPurpose purpose, String recordedBy) {}

    record CaseShare(String agency, String sharedBy) {}

    static String json(LinkFacts facts) {
        var stored = new StoredFacts(
                facts.registeredBy(),
                facts.regime(),
                facts.consents().entrySet().stream()
                        .map(consent -> new Consent(
                                consent.getKey().recipientAgency(),
                                consent.getKey().purpose(),
                                consent.getValue()))
                        .toList(),
                facts.caseShares().entrySet().stream()
                        .map(share -> new CaseShare(share.getKey(), share.getValue()))
                        .toList(),
                facts.courseProviders());
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("link facts not writable as JSON", e);
        }
    }

    static LinkFacts parse(String json) {
        try {
            StoredFacts stored = JSON.readValue(json, StoredFacts.class);
            return new LinkFacts(
                    stored.registeredBy(),
                    stored.regime(),
                    stored.consents().stream()
                            .collect(Collectors.toMap(
                                    consent -> new ConsentKey(consent.recipientAgency(), consent.purpose()),
                                    Consent::recordedBy)),
                    stored.caseShares().stream().collect(Collectors.toMap(CaseShare::agency, CaseShare::sharedBy)),
                    stored.courseProviders());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored link facts not readable", e);
        }
    }
}
