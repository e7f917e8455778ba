package de.kiim.platform.entitlements;

/** Why an agency sees a person (<em>Verknüpfungsgrund</em>); an agency sees a person while any of its reasons holds. */
public enum LinkReason {
    /** The agency registered the person. */
    REGISTERED,
    /** Every person of the district, e.g. for municipal integration management. */
    ALL_PERSONS,
    /** The person receives benefits under a regime the agency is responsible for. */
    BENEFIT_REGIME,
    /** A consent of the person to this agency stands. */
    CONSENT,
    /** The case is shared with this agency on a legal basis. */
    CASE_SHARING,
    /** The person is enrolled in a course this agency provides. */
    COURSE_PROVIDER
}
