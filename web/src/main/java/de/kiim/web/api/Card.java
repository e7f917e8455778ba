package de.kiim.web.api;

import java.util.Map;

/**
 * A person's card as the user's agency may read it: the fields by their API names (only those the agency may read
 * are there), {@code labels} with their names for people, and the person's version.
 */
public record Card(Map<String, Object> fields, long version) {

    public Object get(String field) {
        return fields.get(field);
    }

    /** The label of a coded field in the page's language, else its value. */
    @SuppressWarnings("unchecked")
    public Object shown(String field) {
        Object labels = fields.get("labels");
        if (labels instanceof Map<?, ?> byField && byField.get(field) != null) {
            return ((Map<String, Object>) byField).get(field);
        }
        return fields.get(field);
    }
}
