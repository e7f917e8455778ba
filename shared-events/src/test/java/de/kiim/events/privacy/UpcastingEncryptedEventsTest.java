package de.kiim.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.EventJson;
import de.kiim.events.PersonId;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

/** Axon upcasters work on stored JSON; on encrypted events they see personal fields as opaque envelopes. */
class UpcastingEncryptedEventsTest {

    static final class V1 {
        @Revision("1")
        record Registered(
                @DataSubjectId PersonId personId,
                @PersonalData String name) {}
    }

    static final class V2 {
        /** Revision 2 adds a clear field; the personal field and the type's simple name stay. */
        @Revision("2")
        record Registered(
                @DataSubjectId PersonId personId,
                @PersonalData String name,
                String source) {}
    }

    /** Adds {@code source} to revision 1 and moves it to the current type, as a real upcaster would. */
    static final class AddSource extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals(V1.Registered.class.getName())
                    && "1".equals(representation.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    new SimpleSerializedType(V2.Registered.class.getName(), "2"),
                    JsonNode.class,
                    json -> ((ObjectNode) json).put("source", "AZR"));
        }
    }

    @Test
    void an_upcaster_adding_a_clear_field_keeps_the_personal_field_decryptable() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        var serializer = new CryptoShreddingSerializer(
                JacksonSerializer.builder()
                        .objectMapper(EventJson.newObjectMapper())
                        .build(),
                personId -> Optional.of(key));
        PersonId personId = PersonId.random();
        SerializedObject<byte[]> stored = serializer.serialize(new V1.Registered(personId, "Altversion"), byte[].class);
        var entry = new GenericDomainEventEntry<>(
                "Person",
                personId.toString(),
                0,
                "event-1",
                Instant.now(),
                stored.getType().getName(),
                stored.getType().getRevision(),
                stored.getData(),
                serializer
                        .serialize(org.axonframework.messaging.MetaData.emptyInstance(), byte[].class)
                        .getData());

        IntermediateEventRepresentation upcasted = new EventUpcasterChain(new AddSource())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .findFirst()
                .orElseThrow();
        V2.Registered current = serializer.deserialize(upcasted.getData());

        assertThat(current).isEqualTo(new V2.Registered(personId, "Altversion", "AZR"));
    }
}
