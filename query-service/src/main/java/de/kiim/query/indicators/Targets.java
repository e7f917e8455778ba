package de.kiim.query.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.events.EventMetadata;
import de.kiim.events.targets.TargetSet;
import de.kiim.events.targets.TargetWithdrawn;
import de.kiim.query.projections.OrderedWrites;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The targets of the indicators as the data stewards set them (table {@code statistics.target}): written with the
 * statistics read model, and read by indicator answers for their cohort, as they held at the answer's {@code asOf}.
 */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
class Targets {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A target as it held at a time: withdrawn is null while it still held then. */
    record Target(
            UUID targetId,
            String indicator,
            Map<String, String> options,
            String figure,
            String cohort,
            String comparison,
            BigDecimal value,
            String reason,
            String reference,
            LocalDate setOn,
            LocalDate withdrawnOn) {}

    private final JdbcTemplate jdbc;

    Targets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void onReset() {
        writes().add("delete from statistics.target");
    }

    @EventHandler
    void on(TargetSet event, EventMessage<?> message) {
        writes().add(
                        """
                insert into statistics.target (target_id, indicator, options, figure, cohort, comparison, value,
                                               reason, reference, set_on, set_recorded_at)
                values (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                        event.targetId(),
                        event.indicator(),
                        json(event.options()),
                        event.figure(),
                        event.cohort(),
                        event.comparison().code(),
                        event.value(),
                        event.reason().code(),
                        event.reference(),
                        Date.valueOf(event.occurredAt()),
                        Timestamp.from(EventMetadata.recordedAt(message)));
    }

    @EventHandler
    void on(TargetWithdrawn event, EventMessage<?> message) {
        writes().add(
                        "update statistics.target set withdrawn_on = ?, withdrawn_recorded_at = ? where target_id = ?",
                        Date.valueOf(event.occurredAt()),
                        Timestamp.from(EventMetadata.recordedAt(message)),
                        event.targetId());
    }

    /** The targets for the indicator with these options and this cohort that held at {@code asOf}. */
    List<Target> holding(String indicator, Map<String, String> options, String cohort, Instant asOf) {
        return jdbc.query(
                """
                select * from statistics.target
                 where indicator = ? and cohort = ? and options = ?::jsonb and set_recorded_at <= ?
                   and (withdrawn_recorded_at is null or withdrawn_recorded_at > ?)
                 order by set_on, target_id""",
                (rs, row) -> target(rs, asOf),
                indicator,
                cohort,
                json(options),
                Timestamp.from(asOf),
                Timestamp.from(asOf));
    }

    /** Every target that held at {@code asOf}: set by then and not withdrawn by then. */
    List<Target> holdingAt(Instant asOf) {
        return jdbc.query("""
                select * from statistics.target
                 where set_recorded_at <= ? and (withdrawn_recorded_at is null or withdrawn_recorded_at > ?)
                 order by indicator, cohort, set_on, target_id""", (rs, row) -> target(rs, asOf), Timestamp.from(asOf), Timestamp.from(asOf));
    }

    /** Every target ever set, withdrawn ones included. */
    List<Target> all() {
        return jdbc.query(
                "select * from statistics.target order by indicator, cohort, set_on, target_id",
                (rs, row) -> target(rs, Instant.now()));
    }

    private static Target target(ResultSet rs, Instant asOf) throws SQLException {
        Timestamp withdrawnAt = rs.getTimestamp("withdrawn_recorded_at");
        Date withdrawnOn = rs.getDate("withdrawn_on");
        boolean withdrawnThen = withdrawnAt != null && !withdrawnAt.toInstant().isAfter(asOf);
        return new Target(
                rs.getObject("target_id", UUID.class),
                rs.getString("indicator"),
                options(rs.getString("options")),
                rs.getString("figure"),
                rs.getString("cohort"),
                rs.getString("comparison"),
                rs.getBigDecimal("value"),
                rs.getString("reason"),
                rs.getString("reference"),
                rs.getDate("set_on").toLocalDate(),
                withdrawnThen && withdrawnOn != null ? withdrawnOn.toLocalDate() : null);
    }

    private static String json(Map<String, String> options) {
        try {
            return JSON.writeValueAsString(options == null ? Map.of() : options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is JSON", e);
        }
    }

    private static Map<String, String> options(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options are stored as JSON", e);
        }
    }

    private OrderedWrites writes() {
        return OrderedWrites.of(this, jdbc);
    }
}
