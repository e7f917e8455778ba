package de.kiim.platform.entitlements;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.platform.crypto.EventCatalogueCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entitlement policy (<em>Berechtigungskonzept</em>): for each agency kind, the data categories it may read,
 * in full or only some fields. Loaded from YAML and checked on load: an unknown agency kind, category or field is an
 * error naming it, so a typo never silently grants or withholds access.
 *
 * @param version the policy's version, stated in the file
 */
public record EntitlementPolicy(int version, Map<AgencyKind, Map<DataCategory, Readable>> reads) {

    /** What of a category's events a kind may read: every field, or only those named. */
    public record Readable(Optional<Set<String>> onlyFields) {

        public static final Readable ALL = new Readable(Optional.empty());

        public boolean includes(String field) {
            return onlyFields.map(fields -> fields.contains(field)).orElse(true);
        }
    }

    public static EntitlementPolicy load(InputStream yaml) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(yaml);
            return parse(root);
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

    /** What {@code kind} may read of {@code category}, if anything. */
    public Optional<Readable> readable(AgencyKind kind, DataCategory category) {
        return Optional.ofNullable(reads.getOrDefault(kind, Map.of()).get(category));
    }

    private static EntitlementPolicy parse(JsonNode root) {
        List<String> problems = new ArrayList<>();
        Map<AgencyKind, Map<DataCategory, Readable>> reads = new EnumMap<>(AgencyKind.class);
        for (Iterator<Map.Entry<String, JsonNode>> kinds = root.path("agencyKinds").fields(); kinds.hasNext(); ) {
            var kindEntry = kinds.next();
            Optional<AgencyKind> kind = constant(AgencyKind.class, kindEntry.getKey());
            if (kind.isEmpty()) {
                problems.add("unknown agency kind " + kindEntry.getKey());
                continue;
            }
            Map<DataCategory, Readable> categories = new EnumMap<>(DataCategory.class);
            for (var entries = kindEntry.getValue().path("reads").fields(); entries.hasNext(); ) {
                var entry = entries.next();
                Optional<DataCategory> category = constant(DataCategory.class, entry.getKey());
                if (category.isEmpty()) {
                    problems.add("unknown data category " + entry.getKey() + " for " + kindEntry.getKey());
                    continue;
                }
                categories.put(category.get(), readable(kind.get(), category.get(), entry.getValue(), problems));
            }
            reads.put(kind.get(), Map.copyOf(categories));
        }
        if (!root.path("version").canConvertToInt()) {
            problems.add("the policy states no version");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The entitlement policy is invalid: " + String.join("; ", problems));
        }
        return new EntitlementPolicy(root.path("version").asInt(), Map.copyOf(reads));
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
        for (Class<?> type : EventCatalogueCheck.eventTypes()) {
            if (type.getAnnotation(Category.class).value() == category && type.isRecord()) {
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
            }
        }
        return fields;
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(name)).findFirst();
    }
}
