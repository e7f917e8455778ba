package de.kiim.platform.entitlements;

import de.kiim.events.vocabulary.ConsentPurpose;
import java.util.Objects;

/** A consent is identified by the agency it lets receive the person's data and the purpose it was given for. */
public record ConsentKey(String recipientAgency, ConsentPurpose purpose) {

    public ConsentKey {
        Objects.requireNonNull(recipientAgency, "recipientAgency");
        Objects.requireNonNull(purpose, "purpose");
    }
}
