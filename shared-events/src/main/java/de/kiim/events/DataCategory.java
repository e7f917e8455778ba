package de.kiim.events;

/**
 * The data categories of the entitlement policy: every event type belongs to exactly one, and an agency kind
 * is granted categories, never single events.
 */
public enum DataCategory {
    BASE_DATA,
    RESIDENCE,
    BENEFITS,
    LANGUAGE,
    EDUCATION,
    EMPLOYMENT,
    COUNSELLING,
    CONSENT
}
