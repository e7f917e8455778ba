package de.kiim.platform.entitlements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.EventCatalogue;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.BenefitRegime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entitlement policy (<em>Berechtigungskonzept</em>): for each agency kind, why it sees a person, which data
 * categories it may then read (in full or only some fields, and for some only its own records), and which commands it
 * may send. Loaded from YAML and checked on load: an unknown agency kind, link reason, benefit regime, category or
 * field is an error naming it, so a typo never silently grants or withholds access.
 *
 * @param version the policy's version, stated in the file
 */
public record EntitlementPolicy(int version, Map<AgencyKind, KindPolicy> kinds) {

    /** What of a category's events a kind may read: every field, or only those named. */
    public record Readable(Optional<Set<String>> onlyFields) {

        public static final Readable ALL = new Readable(Optional.empty());

        public boolean includes(String field) {
            return onlyFields.map(fields -> fields.contains(field)).orElse(true);
        }
    }

    /**
     * The policy of one agency kind.
     *
     * @param handsOverFrom        the benefit regimes from which an agency of the kind may hand a person over to
     *                             another ({@code NONE}: may record the first regime of a person without one)
     * @param endsOthersGrants     whether it may withdraw consents and end case shares that other agencies
     *                             recorded (integration management); every agency may end those it recorded or
     *                             received
     */
    public record KindPolicy(
            Set<LinkReason> linkedBy,
            Set<BenefitRegime> benefitRegimes,
            Map<DataCategory, Readable> reads,
            Set<DataCategory> ownRecordsOnly,
            Set<String> sends,
            Set<BenefitRegime> handsOverFrom,
            boolean endsOthersGrants,
            String reasoning) {}

    /** The command that changes a person's benefit regime, governed by {@code handsOverFrom}. */
    public static final String HAND_OVER_COMMAND = "ChangeBenefitRegime";

    private static final KindPolicy NOTHING =
            new KindPolicy(Set.of(), Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), false, "");

    public static EntitlementPolicy load(InputStream yaml) {
        try {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("the entitlement policy is not readable YAML", e);
        }
    }

    /** The policy shipped with Kiim ({@code entitlement-policy.yml} on the classpath). */
    public static EntitlementPolicy defaultPolicy() {
        try (InputStream yaml = EntitlementPolicy.class.getResourceAsStream("/entitlement-policy.yml")) {
            return load(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KindPolicy of(AgencyKind kind) {
        return kinds.getOrDefault(kind, NOTHING);
    }

    /** What {@code kind} may read of {@code category}, if anything. */
    public Optional<Readable> readable(AgencyKind kind, DataCategory category) {
        return Optional.ofNullable(of(kind).reads().get(category));
    }

    public boolean maySend(AgencyKind kind, String command) {
        return of(kind).sends().contains(command);
    }

    /**
     * Whether an agency of {@code kind} may record that a person under {@code current} (null: none recorded yet)
     * moves to another regime: the hand-over (<em>Rechtskreiswechsel</em>) is the act of the agency responsible
     * until then.
     */
    public boolean mayHandOver(AgencyKind kind, BenefitRegime current) {
        return of(kind).handsOverFrom().contains(current == null ? BenefitRegime.NONE : current);
    }

    /** The command names the policy mentions that are not among {@code known}, sorted. */
    public Set<String> unknownCommands(Collection<String> known) {
        Set<String> unknown = new TreeSet<>();
        kinds.values()
                .forEach(kind -> kind.sends().stream()
                        .filter(command -> !known.contains(command))
                        .forEach(unknown::add));
        return unknown;
    }

    private static EntitlementPolicy parse(JsonNode root) {
        List<String> problems = new ArrayList<>();
        Map<AgencyKind, KindPolicy> kinds = new EnumMap<>(AgencyKind.class);
        root.path("agencyKinds").fields().forEachRemaining(entry -> {
            Optional<AgencyKind> kind = constant(AgencyKind.class, entry.getKey());
            if (kind.isEmpty()) {
                problems.add("unknown agency kind " + entry.getKey());
            } else {
                kinds.put(kind.get(), kindPolicy(kind.get(), entry.getValue(), problems));
            }
        });
        if (!root.path("version").canConvertToInt()) {
            problems.add("the policy states no version");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The entitlement policy is invalid: " + String.join("; ", problems));
        }
        return new EntitlementPolicy(root.path("version").asInt(), Map.copyOf(kinds));
    }

    private static KindPolicy kindPolicy(AgencyKind kind, JsonNode node, List<String> problems) {
        Map<DataCategory, Readable> reads = new EnumMap<>(DataCategory.class);
        node.path("reads")
                .fields()
                .forEachRemaining(entry -> constant(DataCategory.class, entry.getKey())
                        .ifPresentOrElse(
                                category -> reads.put(category, readable(kind, category, entry.getValue(), problems)),
                                () -> problems.add("unknown data category " + entry.getKey() + " for " + kind)));
        Set<LinkReason> linkedBy = constants(LinkReason.class, node.path("linkedBy"), "link reason", kind, problems);
        Set<BenefitRegime> regimes =
                constants(BenefitRegime.class, node.path("benefitRegimes"), "benefit regime", kind, problems);
        if (linkedBy.contains(LinkReason.BENEFIT_REGIME) != !regimes.isEmpty()) {
            problems.add(kind + " must name benefitRegimes exactly when it is linked by BENEFIT_REGIME");
        }
        Set<DataCategory> own =
                constants(DataCategory.class, node.path("ownRecordsOnly"), "data category", kind, problems);
        own.stream()
                .filter(category -> !reads.containsKey(category))
                .forEach(category -> problems.add(kind + " has ownRecordsOnly " + category + " but does not read it"));
        Set<String> sends = new LinkedHashSet<>();
        node.path("sends").forEach(command -> sends.add(command.asText()));
        Set<BenefitRegime> handsOverFrom =
                constants(BenefitRegime.class, node.path("handsOverFrom"), "benefit regime", kind, problems);
        if (sends.contains(HAND_OVER_COMMAND) == handsOverFrom.isEmpty()) {
            problems.add(kind + " must name handsOverFrom exactly when it sends " + HAND_OVER_COMMAND);
        }
        return new KindPolicy(
                Set.copyOf(linkedBy),
                Set.copyOf(regimes),
                Map.copyOf(reads),
                Set.copyOf(own),
                Set.copyOf(sends),
                Set.copyOf(handsOverFrom),
                node.path("endsOthersGrants").asBoolean(false),
                node.path("reasoning").asText(""));
    }

    private static Readable readable(AgencyKind kind, DataCategory category, JsonNode value, List<String> problems) {
        if (value.isTextual() && value.asText().equals("all")) {
            return Readable.ALL;
        }
        if (!value.isArray()) {
            problems.add(kind + " reads " + category + " as neither \"all\" nor a list of fields");
            return Readable.ALL;
        }
        Set<String> known = fieldsOf(category);
        Set<String> fields = new LinkedHashSet<>();
        value.forEach(field -> {
            if (!known.contains(field.asText())) {
                problems.add("no event of category " + category + " has a field " + field.asText());
            }
            fields.add(field.asText());
        });
        return new Readable(Optional.of(Set.copyOf(fields)));
    }

    /** Every field name of every event type of the category. */
    public static Set<String> fieldsOf(DataCategory category) {
        Set<String> fields = new LinkedHashSet<>();
        for (Class<?> type : EventCatalogue.types()) {
            if (type.getAnnotation(Category.class).value() == category && type.isRecord()) {
                Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .forEach(fields::add);
            }
        }
        return fields;
    }

    private static <E extends Enum<E>> Set<E> constants(
            Class<E> type, JsonNode list, String what, AgencyKind kind, List<String> problems) {
        Set<E> values = EnumSet.noneOf(type);
        list.forEach(item -> constant(type, item.asText())
                .ifPresentOrElse(
                        values::add, () -> problems.add("unknown " + what + " " + item.asText() + " for " + kind)));
        return values;
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> value.name().equals(name))
                .findFirst();
    }
}
