package de.kiim.command.duplicates;

import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonRegistered;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Keeps the blind indexes in step with the events, in the transaction that appends them (a subscribing group whose
 * failures fail the command): a registration whose AZR number is taken is refused even when two race, and an
 * erasure removes the person's digests together with their key.
 */
@Component
@ProcessingGroup(DuplicatesConfiguration.BLIND_INDEX)
class BlindIndexUpdater {

    private final BlindIndex blindIndex;
    private final BlindIndexes indexes;
    private final EventStore events;

    BlindIndexUpdater(BlindIndex blindIndex, BlindIndexes indexes, EventStore events) {
        this.blindIndex = blindIndex;
        this.indexes = indexes;
        this.events = events;
    }

    @EventHandler
    void on(PersonRegistered event) {
        UUID personId = event.personId().value();
        indexes.put(
                personId,
                BlindIndexes.NAME_BIRTH,
                blindIndex.ofNameAndBirth(event.familyName(), event.givenNames(), event.dateOfBirth()));
        putAzr(personId, event.azrNumber());
    }

    /** Names and birth date are indexed together, so a correction of one needs the current others. */
    @EventHandler
    void on(BaseDataCorrected event) {
        UUID personId = event.personId().value();
        if (event.familyName() != null || event.givenNames() != null || event.dateOfBirth() != null) {
            var current = new Identity(null, null, null);
            var stream = events.readEvents(event.personId().toString());
            while (stream.hasNext()) {
                current = current.after(stream.next().getPayload());
            }
            current = current.after(event);
            indexes.put(
                    personId,
                    BlindIndexes.NAME_BIRTH,
                    blindIndex.ofNameAndBirth(current.familyName(), current.givenNames(), current.dateOfBirth()));
        }
        putAzr(personId, event.azrNumber());
    }

    @EventHandler
    void on(PersonDataErased event) {
        indexes.forget(event.personId().value());
    }

    private void putAzr(UUID personId, String azrNumber) {
        if (azrNumber == null) {
            return;
        }
        byte[] digest = blindIndex.ofAzrNumber(azrNumber);
        if (!indexes.claimAzr(personId, digest)) {
            // A race or a correction: the holder is not named, the caller may not see them.
            throw DuplicateCheck.azrTaken(List.of(), false);
        }
    }

    /** What the name index is computed from, folded over registration and corrections. */
    private record Identity(String familyName, String givenNames, LocalDate dateOfBirth) {
        Identity after(Object event) {
            if (event instanceof PersonRegistered registered) {
                return new Identity(registered.familyName(), registered.givenNames(), registered.dateOfBirth());
            }
            if (event instanceof BaseDataCorrected corrected) {
                return new Identity(
                        corrected.familyName() != null ? corrected.familyName() : familyName,
                        corrected.givenNames() != null ? corrected.givenNames() : givenNames,
                        corrected.dateOfBirth() != null ? corrected.dateOfBirth() : dateOfBirth);
            }
            return this;
        }
    }
}
