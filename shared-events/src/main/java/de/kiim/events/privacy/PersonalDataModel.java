package de.kiim.events.privacy;

import de.kiim.events.PersonId;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where an event type keeps personal data, and whose it is: the paths of its {@link PersonalData} fields (also
 * inside nested records and collections of records) and its {@link DataSubjectId}.
 * <p>
 * The rule, enforced here: a type with personal data has exactly one {@code @DataSubjectId} of type
 * {@link PersonId} at its top level, and no personal field is a primitive (after erasure it must be able to hold
 * {@code null}). Records only, since their JSON names are their component names.
 */
public final class PersonalDataModel {

    /** Marks "every element of an array" in a {@link PersonalField#path()}. */
    public static final String EACH = "[]";

    private static final ClassValue<PersonalDataModel> MODELS = new ClassValue<>() {
        @Override
        protected PersonalDataModel computeValue(Class<?> type) {
            return analyse(type);
        }
    };

    /**
     * One personal field.
     *
     * @param path     JSON property names from the event's root; {@link #EACH} steps into every array element
     * @param name     the dotted name used as associated data, e.g. {@code contacts.phone}
     * @param isString whether the field is text, replaced by {@link ErasedValues#STRING} after erasure
     */
    public record PersonalField(List<String> path, String name, boolean isString) {}

    private final Class<?> type;
    private final RecordComponent subject;
    private final List<PersonalField> fields;

    private PersonalDataModel(Class<?> type, RecordComponent subject, List<PersonalField> fields) {
        this.type = type;
        this.subject = subject;
        this.fields = List.copyOf(fields);
    }

    /** The model of {@code type}, analysed once; throws {@link IllegalStateException} if the type breaks the rule. */
    public static PersonalDataModel of(Class<?> type) {
        return MODELS.get(type);
    }

    public boolean hasPersonalData() {
        return !fields.isEmpty();
    }

    public List<PersonalField> fields() {
        return fields;
    }

    /** The JSON property holding the data subject's id. */
    public String subjectProperty() {
        return subject.getName();
    }

    public Optional<PersonId> subjectOf(Object event) {
        if (subject == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((PersonId) subject.getAccessor().invoke(event));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the data subject of " + type.getName(), e);
        }
    }

    private static PersonalDataModel analyse(Class<?> type) {
        List<PersonalField> fields = new ArrayList<>();
        RecordComponent subject = null;
        if (type.isRecord()) {
            collect(type, List.of(), "", fields);
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(DataSubjectId.class)) {
                    if (subject != null || component.getType() != PersonId.class) {
                        throw new IllegalStateException(
                                type.getName() + " must have exactly one @DataSubjectId, of type PersonId");
                    }
                    subject = component;
                }
            }
        }
        if (!fields.isEmpty() && subject == null) {
            throw new IllegalStateException(
                    type.getName() + " has personal data but no @DataSubjectId: " + "whose key would protect it?");
        }
        return new PersonalDataModel(type, subject, fields);
    }

    private static void collect(Class<?> record, List<String> path, String prefix, List<PersonalField> fields) {
        for (RecordComponent component : record.getRecordComponents()) {
            List<String> here = append(path, component.getName());
            String name = prefix + component.getName();
            if (component.isAnnotationPresent(PersonalData.class)) {
                if (component.getType().isPrimitive()) {
                    throw new IllegalStateException(record.getName() + "." + component.getName()
                            + " is personal data and must not be primitive: after erasure it reads as null");
                }
                fields.add(new PersonalField(here, name, component.getType() == String.class));
            } else if (component.getType().isRecord()) {
                collect(component.getType(), here, name + ".", fields);
            } else if (Collection.class.isAssignableFrom(component.getType())) {
                elementRecord(component.getGenericType())
                        .ifPresent(element -> collect(element, append(here, EACH), name + ".", fields));
            }
        }
    }

    private static Optional<Class<?>> elementRecord(Type collectionType) {
        if (collectionType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isRecord()) {
            return Optional.of(element);
        }
        return Optional.empty();
    }

    private static List<String> append(List<String> path, String step) {
        List<String> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }
}
