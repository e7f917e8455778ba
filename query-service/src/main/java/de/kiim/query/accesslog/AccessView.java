package de.kiim.query.accesslog;

/** What of a person was read. */
public enum AccessView {
    CARD,
    TIMELINE,
    EXPORT,
    /** A page of search results: which persons it returned, never what was searched for. */
    SEARCH,
    /** An analyst's indicator table: aggregates of many persons, logged without a person and without figures. */
    INDICATOR
}
