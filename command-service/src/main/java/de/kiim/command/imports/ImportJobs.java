package de.kiim.command.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.platform.web.FieldProblem;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables {@code command.import_job} and {@code command.import_row}. */
@Repository
class ImportJobs {

    /** A running import that has not reported progress for this long has died with its instance. */
    static final Duration SILENCE_BEFORE_INTERRUPTED = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ImportJobs(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void start(UUID id, String username, String agency, ImportFormat format) {
        jdbc.update(
                "insert into command.import_job (id, username, agency, format, state) values (?, ?, ?, ?, ?)",
                id,
                username,
                agency,
                format.name(),
                ImportState.RUNNING.name());
    }

    /** Stores the results of a chunk of lines and adds them to the running counts. */
    void record(UUID id, List<RowResult> results) {
        jdbc.batchUpdate("""
                        insert into command.import_row (import_id, line_number, outcome, person_id, candidates, problems)
                        values (?, ?, ?, ?, ?, ?::jsonb)""", results, results.size(), (statement, result) -> {
            statement.setObject(1, id);
            statement.setInt(2, result.line());
            statement.setString(3, result.outcome().name());
            statement.setObject(4, result.personId());
            statement.setArray(
                    5,
                    result.candidates().isEmpty()
                            ? null
                            : statement
                                    .getConnection()
                                    .createArrayOf("uuid", result.candidates().toArray()));
            statement.setString(6, result.problems().isEmpty() ? null : toJson(result.problems()));
        });
        jdbc.update(
                """
                        update command.import_job set rows_read = rows_read + ?, created = created + ?,
                               duplicates = duplicates + ?, invalid = invalid + ?, updated_at = now()
                         where id = ?""",
                results.size(),
                count(results, RowOutcome.CREATED),
                count(results, RowOutcome.DUPLICATE),
                count(results, RowOutcome.INVALID),
                id);
    }

    /** Ends the import; {@code failure} says why a FAILED one stopped, in words that name no value of the file. */
    void finish(UUID id, ImportState state, String failure) {
        jdbc.update("""
                update command.import_job set state = ?, failure = ?, finished_at = now(), updated_at = now()
                 where id = ?""", state.name(), failure, id);
    }

    Optional<ImportReport.Summary> find(UUID id, String agency) {
        return jdbc
                .query("select * from command.import_job where id = ? and agency = ?", this::summary, id, agency)
                .stream()
                .findFirst();
    }

    List<ImportReport.Summary> recent(String agency, int limit) {
        return jdbc.query(
                "select * from command.import_job where agency = ? order by started_at desc limit ?",
                this::summary,
                agency,
                limit);
    }

    List<RowResult> rows(UUID id, RowOutcome outcome, int afterLine, int limit) {
        return jdbc.query(
                """
                        select line_number, outcome, person_id, candidates, problems from command.import_row
                         where import_id = ? and (?::varchar is null or outcome = ?) and line_number > ?
                         order by line_number limit ?""",
                this::rowResult,
                id,
                outcome == null ? null : outcome.name(),
                outcome == null ? null : outcome.name(),
                afterLine,
                limit);
    }

    /** The first duplicate and invalid lines, in line order. */
    List<RowResult> needingAttention(UUID id, int limit) {
        return jdbc.query("""
                        select line_number, outcome, person_id, candidates, problems from command.import_row
                         where import_id = ? and outcome <> 'CREATED' order by line_number limit ?""", this::rowResult, id, limit);
    }

    private RowResult rowResult(ResultSet rs, int row) throws SQLException {
        return new RowResult(
                rs.getInt("line_number"),
                RowOutcome.valueOf(rs.getString("outcome")),
                rs.getObject("person_id", UUID.class),
                uuids(rs.getArray("candidates")),
                problems(rs.getString("problems")));
    }

    /**
     * The lines that name an erased person leave every import result: the line that created them and every line
     * found a duplicate of them (most likely them again). The job's counts stay; they name nobody.
     */
    void forget(UUID personId) {
        jdbc.update(
                "delete from command.import_row where person_id = ? or candidates @> ?", personId, new UUID[] {personId
                });
    }

    int purgeOlderThan(Duration retention) {
        return jdbc.update(
                "delete from command.import_job where started_at < now() - ?::interval",
                retention.toSeconds() + " seconds");
    }

    private ImportReport.Summary summary(ResultSet rs, int row) throws SQLException {
        ImportState state = ImportState.valueOf(rs.getString("state"));
        Instant updated = rs.getTimestamp("updated_at").toInstant();
        if (state == ImportState.RUNNING && updated.isBefore(Instant.now().minus(SILENCE_BEFORE_INTERRUPTED))) {
            state = ImportState.INTERRUPTED;
        }
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportReport.Summary(
                rs.getObject("id", UUID.class),
                ImportFormat.valueOf(rs.getString("format")),
                state,
                rs.getString("username"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("failure"),
                new ImportReport.Counts(
                        rs.getInt("rows_read"), rs.getInt("created"), rs.getInt("duplicates"), rs.getInt("invalid")));
    }

    private static long count(List<RowResult> results, RowOutcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    private String toJson(List<FieldProblem> problems) {
        try {
            return json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("field problems are plain records", e);
        }
    }

    private List<FieldProblem> problems(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import_row.problems is not a list of field problems", e);
        }
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
