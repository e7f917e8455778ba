package de.kiim.command.directory;

import de.kiim.events.vocabulary.AgencyKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code directory.agency}, which authentication and the link rules of both services read. Written
 * only here, in the transaction that appends the change's event, so that table and events never disagree.
 */
@Component
class DirectoryTable {

    /** One agency as the directory holds it; {@code closedOn} is null while it is open. */
    record Entry(String id, String name, AgencyKind kind, String municipality, LocalDate closedOn) {

        boolean isOpen() {
            return closedOn == null;
        }
    }

    private final JdbcTemplate jdbc;

    DirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> all() {
        return jdbc.query(
                "select id, name, kind, municipality, closed_on from directory.agency order by id",
                (rs, row) -> new Entry(
                        rs.getString("id"),
                        rs.getString("name"),
                        AgencyKind.valueOf(rs.getString("kind")),
                        rs.getString("municipality"),
                        rs.getObject("closed_on", LocalDate.class)));
    }

    /** The agency, its row locked until the transaction ends, so that two changes of it cannot interleave. */
    Optional<Entry> lock(String agencyId) {
        return jdbc
                .query(
                        "select id, name, kind, municipality, closed_on from directory.agency where id = ? for update",
                        (rs, row) -> new Entry(
                                rs.getString("id"),
                                rs.getString("name"),
                                AgencyKind.valueOf(rs.getString("kind")),
                                rs.getString("municipality"),
                                rs.getObject("closed_on", LocalDate.class)),
                        agencyId)
                .stream()
                .findFirst();
    }

    /** Adds the agency; false when its id is taken (also by a closed agency: ids are never reused). */
    boolean add(String agencyId, String name, AgencyKind kind, String municipality) {
        return jdbc.update("""
                insert into directory.agency (id, name, kind, municipality) values (?, ?, ?, ?)
                on conflict (id) do nothing""", agencyId, name, kind.name(), municipality) == 1;
    }

    void rename(String agencyId, String name) {
        jdbc.update("update directory.agency set name = ? where id = ?", name, agencyId);
    }

    void close(String agencyId, LocalDate closedOn) {
        jdbc.update("update directory.agency set closed_on = ? where id = ?", closedOn, agencyId);
    }
}
