package de.kiim.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * The pseudonymous identifier of a person (<em>Personenkennung</em>): a random UUID that carries no meaning and
 * is the only reference to a person outside encrypted fields.
 */
public record PersonId(UUID value) {

    public PersonId {
        Objects.requireNonNull(value, "person id");
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @JsonCreator
    public static PersonId of(String value) {
        return new PersonId(UUID.fromString(value));
    }

    /** Axon uses {@code toString()} as the aggregate identifier, so it must be the bare UUID. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
