package de.kiim.command.course;

import de.kiim.command.api.PersonCommand;
import java.util.UUID;

/** A step of one course participation, routed to the {@link CourseParticipation} with its enrolment id. */
public interface CourseCommand extends PersonCommand {

    UUID enrolmentId();
}
