package de.kiim.query.personcard;

/** Where a person's course participation stands, as the search filters it. */
public enum CourseState {
    ENROLLED,
    INTERRUPTED,
    COMPLETED,
    DROPPED_OUT
}
