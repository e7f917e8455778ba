package de.kiim.query.personcard;

import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Person card", description = "A person's current base data")
class PersonCardController {

    private final JdbcTemplate jdbc;

    PersonCardController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "Read a person's card")
    PersonCard card(@PathVariable UUID personId) {
        return jdbc.query("""
                                select person_id, family_name, given_names, date_of_birth, sex, nationality,
                                       entry_date, azr_number, municipality, registered_on, registered_by, version
                                  from query.person_card where person_id = ?""",
                        (rs, row) -> new PersonCard(
                                rs.getObject("person_id", UUID.class),
                                rs.getString("family_name"),
                                rs.getString("given_names"),
                                date(rs.getDate("date_of_birth")),
                                rs.getString("sex"),
                                rs.getString("nationality"),
                                date(rs.getDate("entry_date")),
                                rs.getString("azr_number"),
                                rs.getString("municipality"),
                                date(rs.getDate("registered_on")),
                                rs.getString("registered_by"),
                                rs.getLong("version")),
                        personId)
                .stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("person.unknown", "No such person."));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
