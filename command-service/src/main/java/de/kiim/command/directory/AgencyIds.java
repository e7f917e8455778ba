package de.kiim.command.directory;

import de.kiim.platform.web.RuleViolation;
import java.util.regex.Pattern;

/**
 * The form of an agency id. An agency's events are a stream of the one event store, named by its id, beside the
 * persons' streams named by UUIDs: an id shaped like a UUID could name a person's stream, so none is.
 */
final class AgencyIds {

    static final String PATTERN =
            "(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)[a-z][a-z0-9-]{1,63}";
    static final String RULE = "must be 2 to 64 lower-case letters, digits or hyphens, beginning with a letter, "
            + "and not shaped like a UUID";

    private static final Pattern FORM = Pattern.compile(PATTERN);

    private AgencyIds() {}

    /**
     * The id of an agency a change is about, from the path: one of another form names no agency, and its stream
     * (perhaps a person's) is never loaded.
     */
    static String existing(String agencyId) {
        if (!FORM.matcher(agencyId).matches()) {
            throw RuleViolation.notFound("agency.unknown", "No agency with this id.");
        }
        return agencyId;
    }
}
