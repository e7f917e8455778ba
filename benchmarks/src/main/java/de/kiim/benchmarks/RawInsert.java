package de.kiim.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The baseline for appends: one row INSERT and COMMIT into a copy of the event table (same columns, indexes and
 * constraints, own sequence) with payload and metadata of the same sizes as the real events, over plain JDBC.
 */
final class RawInsert {

    static final String TABLE = "event_store.bench_raw_event";

    private final DataSource dataSource;
    private final byte[] payload;
    private final byte[] metaData;

    private RawInsert(DataSource dataSource, int payloadBytes, int metaDataBytes) {
        this.dataSource = dataSource;
        this.payload = new byte[payloadBytes];
        this.metaData = new byte[metaDataBytes];
        ThreadLocalRandom.current().nextBytes(payload);
        ThreadLocalRandom.current().nextBytes(metaData);
    }

    /** Creates the copy table and sizes rows like the average stored event of {@code payloadType}. */
    static RawInsert likeStoredEvents(DataSource dataSource, String payloadType) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table if not exists " + TABLE + " (like event_store.domain_event_entry including all)");
        jdbc.execute("create sequence if not exists " + TABLE + "_seq");
        jdbc.execute("alter table " + TABLE + " alter column global_index set default nextval('" + TABLE + "_seq')");
        var sizes = jdbc.queryForMap("""
                select coalesce(avg(octet_length(payload)), 200)::int as payload,
                       coalesce(avg(octet_length(meta_data)), 200)::int as meta_data
                  from event_store.domain_event_entry where payload_type = ?""", payloadType);
        return new RawInsert(dataSource, (Integer) sizes.get("payload"), (Integer) sizes.get("meta_data"));
    }

    /** One event, one transaction. */
    void insertOne(String aggregateId, long sequence) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                        + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data) values (?, ?, ?, 'Person', ?, 'bench', '1', ?, ?)")) {
            connection.setAutoCommit(true);
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregateId);
            insert.setLong(3, sequence);
            insert.setString(4, java.time.Instant.now().toString());
            insert.setBytes(5, payload);
            insert.setBytes(6, metaData);
            insert.executeUpdate();
        }
    }
}
