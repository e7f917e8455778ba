package de.kiim.query.indicators;

/** What a row of the statistics read model says about its subject; its {@code code} and days mean per kind. */
enum FactKind {
    /** Registered in the district on {@code occurredOn}. */
    REGISTERED,
    /** Entered Germany on {@code since} (registration or correction). */
    ENTRY,
    SEX,
    NATIONALITY,
    AGE_BAND,
    /** Registered as living in municipality {@code code}. */
    MUNICIPALITY,
    /** Moved to municipality {@code code} of the district: after moving away, a return. */
    MOVED_WITHIN,
    MOVED_AWAY,
    RESIDENCE_STATUS,
    BENEFIT_REGIME,
    /** A CEFR level {@code code} found in an assessment. */
    LANGUAGE_LEVEL,
    /** Enrolled in a course of type {@code code} starting {@code since}; {@code episode} is the enrolment. */
    COURSE_ENROLLED,
    /** Completed, with the CEFR level certified as {@code code} (none: null). */
    COURSE_COMPLETED,
    /** One exam result {@code code} of a completed course. */
    EXAM_RESULT,
    COURSE_INTERRUPTED,
    COURSE_RESUMED,
    COURSE_DROPPED_OUT,
    /** Employment of kind {@code code} began; {@code episode} is the employment. */
    EMPLOYMENT_STARTED,
    EMPLOYMENT_ENDED,
    SUPPORT_ENDED,
    SUPPORT_RESUMED
}
