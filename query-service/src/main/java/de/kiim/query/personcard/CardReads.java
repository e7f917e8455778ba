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
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads cards for the API: a card comes only together with its entry in the access log (view {@code CARD}).
 * Controllers read through here, never with SQL of their own (system-tests {@code ArchitectureTest}).
 */
@Component
class CardReads {

    private static final String SELECT = "select person_id, registered_by, version, "
            + String.join(", ", CardColumns.BY_FIELD.values())
            + " from query.person_card where agency_id = ? and person_id = ?";

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;

    CardReads(JdbcTemplate jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    /** The card as the reader's agency sees it, logged; empty for a person it does not see (nothing logged). */
    Optional<PersonCard> card(KiimUser reader, UUID personId, AccessPurpose purpose, Language language) {
        Optional<PersonCard> card =
                jdbc.query(SELECT, (rs, row) -> card(rs, language), reader.agencyId(), personId).stream()
                        .findFirst();
        card.ifPresent(read -> accessLog.record(reader, personId, AccessView.CARD, purpose));
        return card;
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
