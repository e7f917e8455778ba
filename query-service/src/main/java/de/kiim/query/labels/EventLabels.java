package de.kiim.query.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.Label;
import de.kiim.events.vocabulary.Language;
import de.kiim.events.vocabulary.ValueLabels;
import de.kiim.platform.crypto.EventCatalogueCheck;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names for people of what read models store as codes: the title of an event type and the labels of the coded
 * fields of its stored JSON, in German or English. Labels are added when reading, so a new label or language needs
 * no replay.
 */
@Component
public class EventLabels {

    private final Map<String, Class<?>> eventTypes = EventCatalogueCheck.eventTypes().stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    /** The event type's title, e.g. "Kurs abgeschlossen"; the type name itself for unknown types. */
    public String title(String type, Language language) {
        Class<?> eventType = eventTypes.get(type);
        Label label = eventType == null ? null : eventType.getAnnotation(Label.class);
        return label == null ? type : language.pick(label.de(), label.en());
    }

    /** For each coded field of {@code data}: its label, or an array of labels for a list of codes. */
    public ObjectNode labels(String type, JsonNode data, Language language) {
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        Class<?> eventType = eventTypes.get(type);
        if (eventType == null || !eventType.isRecord()) {
            return labels;
        }
        for (RecordComponent component : eventType.getRecordComponents()) {
            JsonNode value = data.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            var elementType = ValueLabels.elementType(component.getGenericType());
            if (elementType.isPresent() && value.isArray()) {
                var array = labels.putArray(component.getName());
                value.forEach(element -> ValueLabels.of(elementType.get(), element.asText(), language)
                        .ifPresent(array::add));
            } else if (value.isValueNode()) {
                ValueLabels.of(component.getType(), value.asText(), language)
                        .ifPresent(label -> labels.put(component.getName(), label));
            }
        }
        return labels;
    }
}
