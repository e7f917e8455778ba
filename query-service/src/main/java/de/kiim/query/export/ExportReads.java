package de.kiim.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.Category;
import de.kiim.events.EventJson;
import de.kiim.events.EventMetadata;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.Language;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.security.AgencyDirectory;
import de.kiim.platform.security.KiimUser;
import de.kiim.query.accesslog.AccessEntry;
import de.kiim.query.accesslog.AccessLog;
import de.kiim.query.accesslog.AccessPurpose;
import de.kiim.query.accesslog.AccessView;
import de.kiim.query.labels.EventLabels;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The data subject's right of access (Art. 15 GDPR): everything Kiim holds about a person across all agencies — the
 * full history, which agencies see it, why and what of it, the consents, and every recorded read — for a data steward
 * to hand over. The export comes only together with its own entry in the access log (view {@code EXPORT});
 * controllers read through here, never with SQL of their own (system-tests {@code ArchitectureTest}).
 */
@Component
class ExportReads {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final int ACCESS_ENTRIES_LIMIT = 100_000;

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final EntitlementPolicy policy;
    private final AgencyDirectory directory;
    private final AccessLog accessLog;
    private final EventLabels labels;

    ExportReads(
            EventStore events,
            JdbcTemplate jdbc,
            EntitlementPolicy policy,
            AgencyDirectory directory,
            AccessLog accessLog,
            EventLabels labels) {
        this.events = events;
        this.jdbc = jdbc;
        this.policy = policy;
        this.directory = directory;
        this.accessLog = accessLog;
        this.labels = labels;
    }

    record Step(
            long sequence,
            String type,
            String title,
            String category,
            LocalDate occurredAt,
            Instant recordedAt,
            String author,
            String agency,
            JsonNode data) {}

    record Visibility(
            String agency,
            AgencyKind kind,
            List<String> reasons,
            Map<String, Object> reads,
            List<String> ownRecordsOnly) {}

    record Consent(
            String recipientAgency, String purpose, String legalBasis, LocalDate givenOn, LocalDate withdrawnOn) {}

    record Export(
            UUID personId,
            Instant exportedAt,
            int policyVersion,
            List<Step> history,
            List<Visibility> visibleTo,
            List<Consent> consents,
            List<AccessEntry> reads) {}

    /** Everything held about the person, the export logged; empty for a person Kiim does not know. */
    Optional<Export> export(UUID personId, KiimUser steward, Language language) {
        List<Step> history = new ArrayList<>();
        Map<String, Consent> consents = new LinkedHashMap<>();
        var stream = events.readEvents(personId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            history.add(step(event, language));
            collectConsent(event.getPayload(), consents);
        }
        if (history.isEmpty()) {
            return Optional.empty();
        }
        accessLog.record(steward, personId, AccessView.EXPORT, AccessPurpose.DATA_SUBJECT_REQUEST);
        return Optional.of(new Export(
                personId,
                Instant.now(),
                policy.version(),
                history,
                visibility(personId),
                List.copyOf(consents.values()),
                accessLog.find(personId, null, null, null, null, 0, ACCESS_ENTRIES_LIMIT)));
    }

    private Step step(DomainEventMessage<?> event, Language language) {
        ObjectNode data = JSON.valueToTree(event.getPayload());
        data.remove("personId");
        JsonNode occurredAt = data.remove("occurredAt");
        Category category = event.getPayloadType().getAnnotation(Category.class);
        Object recordedAt = event.getMetaData().get(EventMetadata.RECORDED_AT);
        String type = event.getPayloadType().getSimpleName();
        return new Step(
                event.getSequenceNumber(),
                type,
                labels.title(type, language),
                category == null ? null : category.value().name(),
                occurredAt == null || occurredAt.isNull() ? null : LocalDate.parse(occurredAt.asText()),
                recordedAt == null ? event.getTimestamp() : Instant.parse(recordedAt.toString()),
                (String) event.getMetaData().get(EventMetadata.USER),
                (String) event.getMetaData().get(EventMetadata.AGENCY),
                data);
    }

    private static void collectConsent(Object payload, Map<String, Consent> consents) {
        if (payload instanceof ConsentGiven given) {
            consents.put(
                    given.recipientAgency() + "|" + given.purpose(),
                    new Consent(
                            given.recipientAgency(),
                            given.purpose().name(),
                            given.legalBasis().name(),
                            given.occurredAt(),
                            null));
        } else if (payload instanceof ConsentWithdrawn withdrawn) {
            consents.computeIfPresent(
                    withdrawn.recipientAgency() + "|" + withdrawn.purpose(),
                    (key, consent) -> new Consent(
                            consent.recipientAgency(),
                            consent.purpose(),
                            consent.legalBasis(),
                            consent.givenOn(),
                            withdrawn.occurredAt()));
        }
    }

    private List<Visibility> visibility(UUID personId) {
        Map<String, List<String>> reasons = new TreeMap<>();
        jdbc.query(
                "select agency_id, reason, since from query.person_link where person_id = ? order by agency_id, reason",
                rs -> {
                    reasons.computeIfAbsent(rs.getString("agency_id"), agency -> new ArrayList<>())
                            .add(rs.getString("reason")
                                    + (rs.getDate("since") == null
                                            ? ""
                                            : " since " + rs.getDate("since").toLocalDate()));
                },
                personId);
        Map<String, AgencyKind> agencies = directory.allAgencies();
        List<Visibility> visibility = new ArrayList<>();
        reasons.forEach((agency, why) -> Optional.ofNullable(agencies.get(agency))
                .ifPresent(kind -> {
                    Map<String, Object> reads = new TreeMap<>();
                    policy.of(kind)
                            .reads()
                            .forEach((category, readable) -> reads.put(
                                    category.name(),
                                    readable.onlyFields()
                                            .<Object>map(fields -> new TreeSet<>(fields))
                                            .orElse("all")));
                    visibility.add(new Visibility(
                            agency,
                            kind,
                            why,
                            reads,
                            policy.of(kind).ownRecordsOnly().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .toList()));
                }));
        return visibility;
    }
}
