package de.kiim.query.accesslog;

/** What of a person was read. */
public enum AccessView {
    CARD,
    TIMELINE,
    EXPORT
}
