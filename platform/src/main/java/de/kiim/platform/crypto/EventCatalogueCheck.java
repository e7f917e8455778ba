package de.kiim.platform.crypto;

import de.kiim.events.EventCatalogue;
import de.kiim.events.privacy.PersonalDataModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start while any event type of the {@link EventCatalogue} breaks the personal-data rule (personal fields need exactly one data
 * subject and must be able to read as null after erasure): better no service than one that writes personal data it
 * can never shred.
 */
public class EventCatalogueCheck implements InitializingBean {

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        for (Class<?> eventType : EventCatalogue.types()) {
            try {
                PersonalDataModel.of(eventType);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Event types break the personal-data rule: " + problems);
        }
    }
}
