package de.kiim.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.EventJson;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.Sex;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

class CryptoShreddingSerializerTest {

    record Address(@PersonalData String street, String municipality) {}

    record Contact(@PersonalData String phone, String kind) {}

    /** An event with personal data at the top, in a nested record, in a collection of records, and as a list. */
    record Sample(
            @DataSubjectId PersonId personId,
            LocalDate occurredAt,
            @PersonalData String name,
            @PersonalData LocalDate birthDate,
            Sex sex,
            Address address,
            List<Contact> contacts,
            @PersonalData List<String> aliases) {}

    record NoSubject(@PersonalData String name) {}

    record PrimitivePersonalField(
            @DataSubjectId PersonId personId, @PersonalData int heightInCm) {}

    private final Map<PersonId, SecretKey> keys = new HashMap<>();
    private final CryptoShreddingSerializer serializer = new CryptoShreddingSerializer(
            JacksonSerializer.builder()
                    .objectMapper(EventJson.newObjectMapper())
                    .build(),
            personId -> Optional.ofNullable(keys.get(personId)));

    @Provide
    Arbitrary<Sample> samples() {
        Arbitrary<String> text = Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(40)
                .withCharRange('a', 'z')
                .withChars("ÄÖÜäöüßÇçğış -'\"\\\u0627\u0644");
        Arbitrary<LocalDate> dates = Arbitraries.integers()
                .between(0, 40_000)
                .map(days -> LocalDate.of(1920, 1, 1).plusDays(days));
        Arbitrary<Address> addresses = Combinators.combine(text, Arbitraries.of("15085135", "15085370"))
                .as(Address::new)
                .injectNull(0.2);
        Arbitrary<List<Contact>> contacts = Combinators.combine(text, Arbitraries.of("mobile", "landline"))
                .as(Contact::new)
                .list()
                .ofMaxSize(3);
        return Combinators.combine(
                        dates,
                        text.injectNull(0.1),
                        dates.injectNull(0.2),
                        Arbitraries.of(Sex.class),
                        addresses,
                        contacts,
                        text.list().ofMaxSize(3))
                .as((occurredAt, name, birth, sex, address, contactList, aliases) ->
                        new Sample(PersonId.random(), occurredAt, name, birth, sex, address, contactList, aliases));
    }

    private SerializedObject<byte[]> write(Sample sample) {
        keys.computeIfAbsent(sample.personId(), id -> newKey());
        return serializer.serialize(sample, byte[].class);
    }

    private Sample read(SerializedObject<byte[]> stored) {
        return serializer.deserialize(stored);
    }

    @Property(tries = 200)
    void encrypt_then_decrypt_round_trips_exactly(@ForAll("samples") Sample sample) {
        assertThat(read(write(sample))).isEqualTo(sample);
    }

    @Property(tries = 200)
    void personal_values_never_appear_in_clear_while_the_rest_does(@ForAll("samples") Sample sample) {
        String stored = new String(write(sample).getData(), StandardCharsets.UTF_8);
        if (sample.name() != null) {
            assertThat(stored).doesNotContain(json(sample.name()));
        }
        if (sample.birthDate() != null && !sample.birthDate().equals(sample.occurredAt())) {
            assertThat(stored).doesNotContain(sample.birthDate().toString());
        }
        sample.contacts().forEach(contact -> assertThat(stored).doesNotContain(json(contact.phone())));
        assertThat(stored)
                .contains(
                        sample.personId().toString(),
                        sample.sex().code(),
                        sample.occurredAt().toString());
    }

    @Property(tries = 200)
    void with_the_key_destroyed_reading_yields_replacements_and_never_throws(@ForAll("samples") Sample sample) {
        var stored = write(sample);
        keys.remove(sample.personId());

        Sample erased = read(stored);

        assertThat(erased.name()).isEqualTo(sample.name() == null ? null : ErasedValues.STRING);
        assertThat(erased.birthDate()).isNull();
        assertThat(erased.aliases()).isNull();
        erased.contacts().forEach(contact -> assertThat(contact.phone()).isEqualTo(ErasedValues.STRING));
        assertThat(erased.personId()).isEqualTo(sample.personId());
        assertThat(erased.sex()).isEqualTo(sample.sex());
        assertThat(erased.occurredAt()).isEqualTo(sample.occurredAt());
        assertThat(erased.contacts())
                .extracting(Contact::kind)
                .containsExactlyElementsOf(
                        sample.contacts().stream().map(Contact::kind).toList());
        if (sample.address() != null) {
            assertThat(erased.address().municipality())
                    .isEqualTo(sample.address().municipality());
        }
    }

    @Property(tries = 100)
    void the_same_value_encrypts_differently_each_time(@ForAll("samples") Sample sample) {
        Sample named = new Sample(
                sample.personId(), sample.occurredAt(), "Gleichname", null, sample.sex(), null, List.of(), List.of());
        assertThat(tree(write(named)).path("name").asText())
                .isNotEqualTo(tree(write(named)).path("name").asText());
    }

    @Property(tries = 100)
    void a_tampered_ciphertext_fails_authentication(
            @ForAll("samples") Sample sample, @ForAll("positions") int position) {
        Sample named = withName(sample, "Manipuliert");
        ObjectNode tree = tree(write(named));
        byte[] envelope = Base64.getDecoder().decode(tree.path("name").asText().substring(FieldCipher.PREFIX.length()));
        envelope[position % envelope.length] ^= 0x01;
        tree.put("name", FieldCipher.PREFIX + Base64.getEncoder().encodeToString(envelope));

        assertThatThrownBy(() -> read(stored(tree)))
                .isInstanceOf(FieldCipher.TamperedDataException.class)
                .hasMessageNotContaining("Manipuliert");
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Property(tries = 50)
    void a_ciphertext_moved_to_another_field_fails_authentication(@ForAll("samples") Sample sample) {
        Sample withAddress = new Sample(
                sample.personId(),
                sample.occurredAt(),
                "Verschoben",
                null,
                sample.sex(),
                new Address("Hauptstraße 1", "15085135"),
                List.of(),
                List.of());
        ObjectNode tree = tree(write(withAddress));
        ((ObjectNode) tree.path("address")).set("street", tree.path("name"));

        assertThatThrownBy(() -> read(stored(tree))).isInstanceOf(FieldCipher.TamperedDataException.class);
    }

    @Property(tries = 50)
    void a_ciphertext_moved_to_another_person_fails_authentication(@ForAll("samples") Sample sample) {
        Sample first = withName(sample, "Erste Person");
        Sample second = new Sample(
                PersonId.random(),
                sample.occurredAt(),
                "Zweite Person",
                null,
                sample.sex(),
                null,
                List.of(),
                List.of());
        ObjectNode secondTree = tree(write(second));
        secondTree.set("name", tree(write(first)).path("name"));

        assertThatThrownBy(() -> read(stored(secondTree))).isInstanceOf(FieldCipher.TamperedDataException.class);
    }

    @Example
    void writing_personal_data_without_a_key_is_refused() {
        Sample sample = new Sample(
                PersonId.random(), LocalDate.now(), "Ohne Schlüssel", null, Sex.MALE, null, List.of(), List.of());
        assertThatThrownBy(() -> serializer.serialize(sample, byte[].class)).hasMessageNotContaining("Ohne Schlüssel");
    }

    @Example
    void personal_data_needs_a_subject_and_a_type_that_can_hold_null() {
        assertThatThrownBy(() -> PersonalDataModel.of(NoSubject.class)).hasMessageContaining("@DataSubjectId");
        assertThatThrownBy(() -> PersonalDataModel.of(PrimitivePersonalField.class))
                .hasMessageContaining("must not be primitive");
    }

    @Example
    void the_model_finds_personal_fields_at_every_depth() {
        assertThat(PersonalDataModel.of(Sample.class).fields())
                .extracting(PersonalDataModel.PersonalField::name)
                .containsExactly("name", "birthDate", "address.street", "contacts.phone", "aliases");
    }

    private static Sample withName(Sample sample, String name) {
        return new Sample(sample.personId(), sample.occurredAt(), name, null, sample.sex(), null, List.of(), List.of());
    }

    private static ObjectNode tree(SerializedObject<byte[]> stored) {
        try {
            return (ObjectNode) EventJson.newObjectMapper().readTree(stored.getData());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private SerializedObject<byte[]> stored(JsonNode tree) {
        return new SimpleSerializedObject<>(
                tree.toString().getBytes(StandardCharsets.UTF_8), byte[].class, serializer.typeForClass(Sample.class));
    }

    private static String json(String value) {
        return EventJson.newObjectMapper().valueToTree(value).toString();
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
