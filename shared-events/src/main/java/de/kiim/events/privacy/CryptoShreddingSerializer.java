package de.kiim.events.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.PersonalDataModel.PersonalField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Crypto-shredding for everything Axon stores: wraps the Jackson serializer and encrypts each
 * {@link PersonalData} field with the data subject's own key (see {@link FieldCipher}), leaving every other field
 * in clear. Reading an event whose key is gone yields {@link ErasedValues} instead of failing.
 * <p>
 * Upcasters see the stored JSON, personal fields as opaque envelopes: they may add, drop or transform clear fields
 * and change revisions, but must not rename personal fields or event types, which are part of the associated data.
 */
public final class CryptoShreddingSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper json;
    private final KeyRing keys;

    public CryptoShreddingSerializer(JacksonSerializer delegate, KeyRing keys) {
        this.delegate = delegate;
        this.json = delegate.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !PersonalDataModel.of(object.getClass()).hasPersonalData()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        PersonalDataModel model = PersonalDataModel.of(object.getClass());
        PersonId subject = model.subjectOf(object)
                .orElseThrow(() -> new SerializationException("personal data without a data subject"));
        // Without a key (never issued, or destroyed) personal data must not be written at all.
        SecretKey key = keys.find(subject)
                .orElseThrow(() -> new SerializationException("no data key for the data subject of a "
                        + object.getClass().getSimpleName()));
        ObjectNode tree = json.valueToTree(object);
        for (PersonalField field : model.fields()) {
            byte[] aad = associatedData(subject, object.getClass(), field);
            transform(
                    tree,
                    field.path(),
                    value -> value.isNull() ? value : TextNode.valueOf(FieldCipher.encrypt(key, bytes(value), aad)));
        }
        byte[] data = bytes(tree);
        return new SimpleSerializedObject<>(
                getConverter().convert(data, byte[].class, expectedRepresentation),
                expectedRepresentation,
                typeForClass(object.getClass()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (UnknownSerializedType.class.equals(type)
                || !PersonalDataModel.of(type).hasPersonalData()) {
            return delegate.deserialize(serializedObject);
        }
        PersonalDataModel model = PersonalDataModel.of(type);
        JsonNode tree =
                getConverter().convert(serializedObject.getData(), serializedObject.getContentType(), JsonNode.class);
        if (JsonNode.class.isAssignableFrom(serializedObject.getContentType())) {
            tree = tree.deepCopy(); // an upcaster's tree may be shared; decrypt a copy
        }
        PersonId subject = PersonId.of(tree.path(model.subjectProperty()).asText());
        Optional<SecretKey> key = keys.find(subject);
        for (PersonalField field : model.fields()) {
            byte[] aad = associatedData(subject, type, field);
            transform(tree, field.path(), value -> {
                if (value.isNull()) {
                    return value;
                }
                if (key.isEmpty()) {
                    return field.isString() ? TextNode.valueOf(ErasedValues.STRING) : NullNode.getInstance();
                }
                return parse(FieldCipher.decrypt(key.get(), value.asText(), aad));
            });
        }
        try {
            return (T) json.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot read a " + type.getSimpleName(), e);
        }
    }

    /** Person, event type and field: a ciphertext authenticates only where it was written. */
    private static byte[] associatedData(PersonId subject, Class<?> type, PersonalField field) {
        return (subject + "|" + type.getSimpleName() + "|" + field.name()).getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces every value at {@code path} (stepping into each element at {@link PersonalDataModel#EACH}). */
    private static void transform(JsonNode node, List<String> path, UnaryOperator<JsonNode> change) {
        String step = path.get(0);
        List<String> rest = path.subList(1, path.size());
        if (PersonalDataModel.EACH.equals(step)) {
            if (node instanceof ArrayNode array) {
                array.forEach(element -> transform(element, rest, change));
            }
        } else if (node instanceof ObjectNode object && object.has(step)) {
            if (rest.isEmpty()) {
                object.set(step, change.apply(object.get(step)));
            } else {
                transform(object.get(step), rest, change);
            }
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write JSON", e);
        }
    }

    private JsonNode parse(byte[] plaintext) {
        try {
            return json.readTree(plaintext);
        } catch (java.io.IOException e) {
            throw new SerializationException("a decrypted personal field is not JSON", e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
