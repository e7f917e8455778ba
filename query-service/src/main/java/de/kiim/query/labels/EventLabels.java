package de.kiim.query.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.EventCatalogue;
import de.kiim.events.Label;
import de.kiim.events.vocabulary.Language;
import de.kiim.events.vocabulary.ValueLabels;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Names for people of what read models store as codes: the title of an event type and the labels of the coded
 * fields of its stored JSON, in German or English. Labels are added when reading, so a new label or language needs
 * no replay.
 */
@Component
public class EventLabels {

    private final Map<String, Class<?>> eventTypes = EventCatalogue.types().stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    /**
     * The fields of each event type, read once: a timeline of 200 entries would otherwise reflect over record
     * components and parse their generic signatures 200 times per request.
     */
    private final Map<String, List<Field>> fields = eventTypes.entrySet().stream()
            .filter(type -> type.getValue().isRecord())
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, type -> Field.of(type.getValue())));

    /** A field of an event: its value type, or its element type if it is a list of values. */
    private record Field(String name, Type valueType, boolean list) {

        static List<Field> of(Class<?> record) {
            return Arrays.stream(record.getRecordComponents())
                    .map(component -> {
                        Optional<Type> element = ValueLabels.elementType(component.getGenericType());
                        return new Field(component.getName(), element.orElse(component.getType()), element.isPresent());
                    })
                    .toList();
        }
    }

    /** The event type's title, e.g. "Kurs abgeschlossen"; the type name itself for unknown types. */
    public String title(String type, Language language) {
        Class<?> eventType = eventTypes.get(type);
        Label label = eventType == null ? null : eventType.getAnnotation(Label.class);
        return label == null ? type : language.pick(label.de(), label.en());
    }

    /** For each coded field of {@code data}: its label, or an array of labels for a list of codes. */
    public ObjectNode labels(String type, JsonNode data, Language language) {
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        for (Field field : fields.getOrDefault(type, List.of())) {
            JsonNode value = data.get(field.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.list() && value.isArray()) {
                var array = labels.putArray(field.name());
                value.forEach(element -> ValueLabels.of(field.valueType(), element.asText(), language)
                        .ifPresent(array::add));
            } else if (!field.list() && value.isValueNode()) {
                ValueLabels.of(field.valueType(), value.asText(), language)
                        .ifPresent(label -> labels.put(field.name(), label));
            }
        }
        return labels;
    }
}
