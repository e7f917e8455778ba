package de.kiim.command.erasure;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.security.Role;
import de.kiim.platform.web.RuleViolation;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Erases every person whose retention period has passed, as the system user {@value #SYSTEM_USER}. Runs in every
 * command-service instance: two instances racing for one person are harmless, the second finds the person erased
 * (410). A person under legal hold stays due and is tried again on the next run.
 */
@Component
class DueErasures {

    static final String SYSTEM_USER = "system:erasure";
    private static final Logger log = LoggerFactory.getLogger(DueErasures.class);
    private static final KiimUser SYSTEM =
            new KiimUser(SYSTEM_USER, null, "kiim", AgencyKind.INTEGRATIONSMANAGEMENT, Set.of(Role.DATA_STEWARD), true);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    DueErasures(JdbcTemplate jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    record Due(UUID personId, SupportEndReason reason) {}

    @Scheduled(fixedDelayString = "${kiim.erasure.poll-interval:PT1M}", initialDelayString = "PT5S")
    void eraseDuePersons() {
        LocalDate today = LocalDate.now(clock);
        List<Due> due = jdbc.query(
                "select person_id, reason from command.erasure_due where due_on <= ? order by due_on limit 500",
                (rs, row) -> new Due(rs.getObject(1, UUID.class), SupportEndReason.valueOf(rs.getString(2))),
                Date.valueOf(today));
        if (due.isEmpty()) {
            return;
        }
        int erased = 0;
        int held = 0;
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            for (Due person : due) {
                try {
                    commands.sendAndWait(new ErasePersonData(new PersonId(person.personId()), today, person.reason()));
                    erased++;
                } catch (RuleViolation violation) {
                    if (violation.status() == HttpStatus.GONE) {
                        // erased meanwhile, by a steward or another instance
                        jdbc.update("delete from command.erasure_due where person_id = ?", person.personId());
                    } else {
                        held++;
                    }
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Due erasures: {} erased, {} blocked by legal hold", erased, held);
    }
}
