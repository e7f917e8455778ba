package de.kiim.command.employment;

import de.kiim.command.api.PersonCommand;
import java.util.UUID;

/** A step of one employment, routed to the {@link Employment} with its id. */
public interface EmploymentCommand extends PersonCommand {

    UUID employmentId();
}
