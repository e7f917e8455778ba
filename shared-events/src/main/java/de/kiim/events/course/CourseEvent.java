package de.kiim.events.course;

import de.kiim.events.PersonEvent;
import java.util.UUID;

/**
 * A step of one course participation: the enrolment and everything that follows it. Its course provider counts it
 * among its own records (docs/entitlements.md), so the views find the enrolment by this type, not by a field name.
 */
public interface CourseEvent extends PersonEvent {

    /** The enrolment the step belongs to. */
    UUID enrolmentId();
}
