package de.kiim.command.api;

import de.kiim.events.EventMetadata;
import de.kiim.events.vocabulary.AgencyKind;
import org.axonframework.commandhandling.CommandMessage;

/**
 * Who sends a command: the agency of the authenticated user and its kind, as the authorship interceptor stamped
 * them on the command. The kind travels with the command only; events record the agency.
 */
public record Caller(String agency, AgencyKind kind) {

    /** Command metadata: the kind of the sending agency. */
    public static final String AGENCY_KIND = "kiim.agencyKind";

    public static Caller of(CommandMessage<?> command) {
        Object agency = command.getMetaData().get(EventMetadata.AGENCY);
        Object kind = command.getMetaData().get(AGENCY_KIND);
        if (agency == null || kind == null) {
            // Every command is stamped at dispatch; an unstamped one is a wiring bug, never a client's doing.
            throw new IllegalStateException("command without its sending agency");
        }
        return new Caller(agency.toString(), AgencyKind.valueOf(kind.toString()));
    }
}
