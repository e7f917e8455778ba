package de.kiim.query.personcard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.Language;
import de.kiim.events.vocabulary.ResidenceStatus;
import de.kiim.events.vocabulary.Sex;
import de.kiim.events.vocabulary.ValueLabels;
import de.kiim.platform.security.KiimUser;
import de.kiim.query.accesslog.AccessLog;
import de.kiim.query.accesslog.AccessPurpose;
import de.kiim.query.accesslog.AccessView;
import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Person card", description = "A person's current base data and situation")
class PersonCardController {

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;

    PersonCardController(JdbcTemplate jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    @GetMapping
    @Operation(summary = "Read a person's card",
            description = "The fields the caller's agency may read; 404 for a person it does not see. The ETag "
                    + "is the person's version: send it as If-Match with a command to make sure nothing changed "
                    + "since this read. Labels in German or English by Accept-Language.")
    ResponseEntity<PersonCard> card(@PathVariable UUID personId, Locale locale,
                                    @AuthenticationPrincipal KiimUser user,
                                 @RequestParam(required = false) AccessPurpose purpose) {
        Language language = Language.of(locale);
        PersonCard card = jdbc.query("""
                                select person_id, family_name, given_names, date_of_birth, sex, nationality,
                                       entry_date, azr_number, municipality, registered_on, registered_by,
                                       residence_status, residence_valid_until, benefit_regime, moved_away_on,
                                       version
                                  from query.person_card where agency_id = ? and person_id = ?""",
                        (rs, row) -> card(rs, language), user.agencyId(), personId)
                .stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound("person.unknown", "No such person."));
        accessLog.record(user, personId, AccessView.CARD, purpose);
        return ResponseEntity.ok().eTag("\"" + card.version() + "\"").body(card);
    }

    private static PersonCard card(ResultSet rs, Language language) throws SQLException {
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        label(labels, "sex", Sex.class, rs.getString("sex"), language);
        label(labels, "nationality", CountryCode.class, rs.getString("nationality"), language);
        label(labels, "residenceStatus", ResidenceStatus.class, rs.getString("residence_status"), language);
        label(labels, "benefitRegime", BenefitRegime.class, rs.getString("benefit_regime"), language);
        return new PersonCard(
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
                rs.getString("residence_status"),
                date(rs.getDate("residence_valid_until")),
                rs.getString("benefit_regime"),
                date(rs.getDate("moved_away_on")),
                labels,
                rs.getLong("version"));
    }

    private static void label(ObjectNode labels, String field, Class<?> type, String code, Language language) {
        ValueLabels.of(type, code, language).ifPresent(label -> labels.put(field, label));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
