package de.kiim.platform.entitlements;

import de.kiim.events.vocabulary.AgencyKind;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one rule for who sees a person (DESIGN §4, docs/entitlements.md): from a person's {@link LinkFacts} and an
 * agency with its kind, the grounds on which the agency sees the person, under the link reasons the entitlement
 * policy names for that kind. The query side writes an agency's views while this answers any ground; the command
 * side accepts a step about the person from an agency only then. Pure: no database, no clock.
 */
public final class LinkRules {

    private final EntitlementPolicy policy;

    public LinkRules(EntitlementPolicy policy) {
        this.policy = policy;
    }

    /**
     * The grounds on which {@code agency} sees the person, as the link names stored with the views: the
     * {@link LinkReason} name, for consents with the purpose ({@code CONSENT:COUNSELLING}). Empty: it does not.
     */
    public Set<String> grounds(LinkFacts facts, String agency, AgencyKind kind) {
        Set<String> grounds = new TreeSet<>();
        if (agency == null || kind == null) {
            return grounds;
        }
        for (LinkReason reason : policy.of(kind).linkedBy()) {
            switch (reason) {
                case REGISTERED -> add(grounds, reason, agency.equals(facts.registeredBy()));
                case ALL_PERSONS -> add(grounds, reason, true);
                case BENEFIT_REGIME ->
                    add(
                            grounds,
                            reason,
                            facts.regime() != null
                                    && policy.of(kind).benefitRegimes().contains(facts.regime()));
                case CONSENT ->
                    facts.consents().keySet().stream()
                            .filter(consent -> consent.recipientAgency().equals(agency))
                            .forEach(consent -> grounds.add(consentGround(consent)));
                case CASE_SHARING -> add(grounds, reason, facts.caseShares().containsKey(agency));
                case COURSE_PROVIDER ->
                    add(grounds, reason, facts.courseProviders().contains(agency));
            }
        }
        return grounds;
    }

    public boolean sees(LinkFacts facts, String agency, AgencyKind kind) {
        return !grounds(facts, agency, kind).isEmpty();
    }

    /** Every agency of {@code directory} that sees the person, with its grounds. */
    public Map<String, Set<String>> links(LinkFacts facts, Map<String, AgencyKind> directory) {
        Map<String, Set<String>> links = new TreeMap<>();
        directory.forEach((agency, kind) -> {
            Set<String> grounds = grounds(facts, agency, kind);
            if (!grounds.isEmpty()) {
                links.put(agency, grounds);
            }
        });
        return links;
    }

    /** The stored name of a consent ground. */
    public static String consentGround(ConsentKey consent) {
        return LinkReason.CONSENT.name() + ":" + consent.purpose().name();
    }

    private static void add(Set<String> grounds, LinkReason reason, boolean holds) {
        if (holds) {
            grounds.add(reason.name());
        }
    }
}
