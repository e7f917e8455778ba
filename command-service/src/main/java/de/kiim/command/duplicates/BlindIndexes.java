package de.kiim.command.duplicates;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code command.blind_index}: one digest per person and kind. */
@Repository
class BlindIndexes {

    static final String NAME_BIRTH = "NAME_BIRTH";
    static final String AZR = "AZR";

    private final JdbcTemplate jdbc;

    BlindIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> personsWith(String kind, byte[] digest) {
        return jdbc.queryForList(
                "select person_id from command.blind_index where kind = ? and digest = ? " + "order by person_id",
                UUID.class,
                kind,
                digest);
    }

    void put(UUID personId, String kind, byte[] digest) {
        jdbc.update("""
                insert into command.blind_index (person_id, kind, digest) values (?, ?, ?)
                on conflict (person_id, kind) do update set digest = excluded.digest""", personId, kind, digest);
    }

    /**
     * Sets the person's AZR digest unless another person holds it; returns whether it was set. A concurrent holder
     * makes this wait for its transaction, so of two racing registrations exactly one gets the number.
     */
    boolean claimAzr(UUID personId, byte[] digest) {
        jdbc.update("delete from command.blind_index where person_id = ? and kind = ?", personId, AZR);
        return jdbc.update("""
                insert into command.blind_index (person_id, kind, digest) values (?, ?, ?)
                on conflict do nothing""", personId, AZR, digest) == 1;
    }

    void forget(UUID personId) {
        jdbc.update("delete from command.blind_index where person_id = ?", personId);
    }
}
