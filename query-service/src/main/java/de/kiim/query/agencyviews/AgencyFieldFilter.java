package de.kiim.query.agencyviews;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.Category;
import de.kiim.events.EventJson;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.entitlements.EntitlementPolicy.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What an agency of one kind may see of one event, decided by the entitlement policy alone: the one rule the
 * timeline and the card are both written from (docs/entitlements.md). Pure — no database, no clock — so every case
 * is a fast unit test ({@code AgencyFieldFilterTest}); {@code AgencyViewsPropertiesTest} checks the views it writes.
 */
final class AgencyFieldFilter {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    /**
     * The part of an event an agency sees.
     *
     * @param fields        the readable fields and {@code occurredAt}, as the timeline stores them
     * @param readable      which fields of the category the agency reads; the card takes its columns by it
     * @param wholeCategory whether the agency reads every field of the category (then it also sees who wrote it)
     */
    record Visible(ObjectNode fields, Readable readable, boolean wholeCategory) {}

    private final EntitlementPolicy policy;

    AgencyFieldFilter(EntitlementPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param ownRecord asked only for a category the kind reads of its own records alone (recorded by the agency,
     *                  or a step of a course it provides); finding that out may need a lookup
     * @return nothing if the agency may not see the event at all
     */
    Optional<Visible> filter(AgencyKind kind, Object event, BooleanSupplier ownRecord) {
        Category category = event.getClass().getAnnotation(Category.class);
        if (category == null) {
            return Optional.empty();
        }
        Optional<Readable> readable = policy.readable(kind, category.value());
        if (readable.isEmpty()
                || policy.of(kind).ownRecordsOnly().contains(category.value()) && !ownRecord.getAsBoolean()) {
            return Optional.empty();
        }
        ObjectNode data = JSON.valueToTree(event);
        data.remove("personId");
        List<String> readableFields = new ArrayList<>();
        boolean anyReadableValue = false;
        for (var fields = data.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (readable.get().includes(field.getKey())) {
                readableFields.add(field.getKey());
                anyReadableValue |= !field.getValue().isNull();
            }
        }
        boolean wholeCategory = readable.get().onlyFields().isEmpty();
        // Of a category it reads only in part, an agency gets an event only with a value it may read: a move, a
        // legal hold or a support end says something about the person even without a readable field.
        if (!wholeCategory && !anyReadableValue) {
            return Optional.empty();
        }
        readableFields.add("occurredAt");
        data.retain(readableFields);
        return Optional.of(new Visible(data, readable.get(), wholeCategory));
    }
}
