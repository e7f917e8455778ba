package de.kiim.events;

import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.AgencyAccessEnded;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.counselling.CounsellingSessionHeld;
import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseDroppedOut;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.course.CourseInterrupted;
import de.kiim.events.course.CourseResumed;
import de.kiim.events.directory.AgencyAdded;
import de.kiim.events.directory.AgencyClosed;
import de.kiim.events.directory.AgencyRenamed;
import de.kiim.events.directory.DirectoryEvent;
import de.kiim.events.education.PreviousOccupationRecorded;
import de.kiim.events.education.QualificationRecognitionDecided;
import de.kiim.events.education.SchoolingRecorded;
import de.kiim.events.employment.EmploymentEnded;
import de.kiim.events.employment.EmploymentStarted;
import de.kiim.events.erasure.LegalHoldLifted;
import de.kiim.events.erasure.LegalHoldPlaced;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.erasure.SupportEnded;
import de.kiim.events.erasure.SupportResumed;
import de.kiim.events.language.LanguageLevelAssessed;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.targets.TargetEvent;
import de.kiim.events.targets.TargetSet;
import de.kiim.events.targets.TargetWithdrawn;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Every event type of Kiim, in one place: a new event is added here (and nowhere else is a list of them kept), and
 * {@code ArchitectureTest} fails for an event record that is missing. Each person event names its data category with
 * {@link Category} and its serialization revision with {@link Revision}.
 */
public final class EventCatalogue {

    private static final List<Class<? extends PersonEvent>> TYPES = List.of(
            BenefitRegimeChanged.class,
            AgencyAccessEnded.class,
            CaseSharedWithAgency.class,
            ConsentGiven.class,
            ConsentWithdrawn.class,
            CounsellingSessionHeld.class,
            CourseCompleted.class,
            CourseDroppedOut.class,
            CourseEnrolled.class,
            CourseInterrupted.class,
            CourseResumed.class,
            PreviousOccupationRecorded.class,
            QualificationRecognitionDecided.class,
            SchoolingRecorded.class,
            EmploymentEnded.class,
            EmploymentStarted.class,
            LegalHoldLifted.class,
            LegalHoldPlaced.class,
            PersonDataErased.class,
            SupportEnded.class,
            SupportResumed.class,
            LanguageLevelAssessed.class,
            BaseDataCorrected.class,
            PersonMovedAway.class,
            PersonMovedWithinDistrict.class,
            PersonRegistered.class,
            ResidenceStatusChanged.class);

    private static final List<Class<? extends DirectoryEvent>> DIRECTORY_TYPES =
            List.of(AgencyAdded.class, AgencyRenamed.class, AgencyClosed.class);

    private static final List<Class<? extends TargetEvent>> TARGET_TYPES =
            List.of(TargetSet.class, TargetWithdrawn.class);

    private EventCatalogue() {}

    /** The event types, grouped by feature. */
    public static List<Class<? extends PersonEvent>> types() {
        return TYPES;
    }

    /** The changes of the agency directory: events about no person, in the agencies' own streams. */
    public static List<Class<? extends DirectoryEvent>> directoryTypes() {
        return DIRECTORY_TYPES;
    }

    /** The targets of the indicators: events about no person, in the targets' own streams. */
    public static List<Class<? extends TargetEvent>> targetTypes() {
        return TARGET_TYPES;
    }

    public static DataCategory categoryOf(Class<? extends PersonEvent> type) {
        return type.getAnnotation(Category.class).value();
    }

    public static String revisionOf(Class<? extends PersonEvent> type) {
        return type.getAnnotation(Revision.class).value();
    }
}
