package de.kiim.command.erasure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.kiim.events.EventMetadata;
import de.kiim.events.erasure.LegalHoldLifted;
import de.kiim.events.erasure.LegalHoldPlaced;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.erasure.SupportEnded;
import de.kiim.events.erasure.SupportResumed;
import de.kiim.events.vocabulary.LegalHoldGround;
import de.kiim.platform.web.RuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * How long a person's data is kept: the end of support with its retention period and grace period, the legal
 * holds that block erasure, and erasure itself. A member of the {@code Person} aggregate; the person keeps only
 * whether it is erased, because that rule guards every command.
 */
public class Retention {

    private boolean supportEnded;
    /** When the support end was recorded: the grace period for resuming counts from then. */
    private LocalDate supportEndRecordedOn;

    private final Set<LegalHoldGround> legalHolds = EnumSet.noneOf(LegalHoldGround.class);

    /** Schedules erasure after the reason's retention, counted from today at the earliest (a back-dated end too). */
    @CommandHandler
    void handle(EndSupport command, RetentionPeriods retention, Clock clock) {
        if (supportEnded) {
            throw RuleViolation.conflict("support.already-ended", "Support for this person has already ended.");
        }
        apply(new SupportEnded(
                command.personId(),
                command.endedOn(),
                command.reason(),
                retention.erasureDue(command.reason(), command.endedOn(), LocalDate.now(clock))));
    }

    /** Within the grace period after support ended, the support end can be taken back; erasure is then cancelled. */
    @CommandHandler
    void handle(ResumeSupport command, RetentionPeriods retention, Clock clock) {
        if (!supportEnded) {
            throw RuleViolation.conflict("support.not-ended", "Support for this person has not ended.");
        }
        if (LocalDate.now(clock).isAfter(supportEndRecordedOn.plus(retention.gracePeriod()))) {
            throw RuleViolation.conflict(
                    "support.grace-period-over", "The grace period in which support could be resumed is over.");
        }
        apply(new SupportResumed(command.personId(), command.occurredOn()));
    }

    @CommandHandler
    void handle(PlaceLegalHold command) {
        if (legalHolds.contains(command.ground())) {
            throw RuleViolation.conflict("legal-hold.already-placed", "This legal hold is already in place.");
        }
        apply(new LegalHoldPlaced(command.personId(), command.placedOn(), command.ground()));
    }

    @CommandHandler
    void handle(LiftLegalHold command) {
        if (!legalHolds.contains(command.ground())) {
            throw RuleViolation.conflict("legal-hold.not-placed", "No such legal hold is in place.");
        }
        apply(new LegalHoldLifted(command.personId(), command.liftedOn(), command.ground()));
    }

    /** Art. 17(3) legal holds are the only thing that blocks erasure. */
    @CommandHandler
    void handle(ErasePersonData command) {
        if (!legalHolds.isEmpty()) {
            throw RuleViolation.conflict(
                    "erasure.legal-hold", "A legal hold under Art. 17(3) GDPR blocks erasure: " + legalHolds + ".");
        }
        apply(new PersonDataErased(command.personId(), command.erasedOn(), command.reason()));
    }

    @EventSourcingHandler
    void on(SupportEnded event, @MetaDataValue(EventMetadata.RECORDED_AT) String recordedAt) {
        this.supportEnded = true;
        this.supportEndRecordedOn = recordedAt == null
                ? event.occurredAt()
                : LocalDate.ofInstant(Instant.parse(recordedAt), ZoneOffset.UTC);
    }

    @EventSourcingHandler
    void on(SupportResumed event) {
        this.supportEnded = false;
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        legalHolds.add(event.ground());
    }

    @EventSourcingHandler
    void on(LegalHoldLifted event) {
        legalHolds.remove(event.ground());
    }
}
