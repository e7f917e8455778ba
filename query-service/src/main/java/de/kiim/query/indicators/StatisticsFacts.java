package de.kiim.query.indicators;

import de.kiim.query.projections.OrderedWrites;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rows of the statistics read model (schema {@code statistics}), written by the projection, read per cohort. */
@Component
class StatisticsFacts {

    /** Rows fetched per round trip when a cohort is read: its facts stream through the fold, never all at once. */
    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    StatisticsFacts(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** A fact as read back, with its subject and the subject's record key. */
    record Row(UUID subject, double recordKey, Fact fact) {}

    void addSubject(UUID subject, double recordKey) {
        writes().add(
                        "insert into statistics.subject (subject, record_key) values (?, ?) on conflict do nothing",
                        subject,
                        recordKey);
    }

    void add(UUID subject, long seq, List<Fact> facts) {
        for (int part = 0; part < facts.size(); part++) {
            Fact fact = facts.get(part);
            writes().add(
                            """
                    insert into statistics.fact (subject, seq, part, kind, code, episode, occurred_on, since, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                            subject,
                            seq,
                            part,
                            fact.kind().name(),
                            fact.code(),
                            fact.episode(),
                            Date.valueOf(fact.occurredOn()),
                            fact.since() == null ? null : Date.valueOf(fact.since()),
                            Timestamp.from(fact.recordedAt()));
        }
    }

    void forgetAll() {
        writes().add("delete from statistics.fact");
        writes().add("delete from statistics.subject");
    }

    /**
     * Every fact recorded up to {@code asOf} of the subjects whose entry date, as known then, lies in
     * {@code [enteredFrom, enteredTo]}: subject by subject, in the order they happened to the subject.
     */
    void readCohort(LocalDate enteredFrom, LocalDate enteredTo, Instant asOf, Consumer<Row> each) {
        Timestamp known = Timestamp.from(asOf);
        readOnly.executeWithoutResult(status -> streaming.query(
                """
                with cohort as (
                    select distinct on (subject) subject, since
                      from statistics.fact
                     where kind = 'ENTRY' and recorded_at <= ?
                     order by subject, seq desc, part desc
                )
                select f.subject, s.record_key, f.kind, f.code, f.episode, f.occurred_on, f.since, f.recorded_at
                  from cohort c
                  join statistics.subject s on s.subject = c.subject
                  join statistics.fact f on f.subject = c.subject
                 where c.since between ? and ? and f.recorded_at <= ?
                 order by f.subject, f.seq, f.part""",
                rs -> {
                    each.accept(row(rs));
                },
                known,
                Date.valueOf(enteredFrom),
                Date.valueOf(enteredTo),
                known));
    }

    private static Row row(ResultSet rs) throws SQLException {
        Date since = rs.getDate("since");
        return new Row(
                rs.getObject("subject", UUID.class),
                rs.getDouble("record_key"),
                new Fact(
                        FactKind.valueOf(rs.getString("kind")),
                        rs.getString("code"),
                        rs.getObject("episode", UUID.class),
                        rs.getDate("occurred_on").toLocalDate(),
                        since == null ? null : since.toLocalDate(),
                        rs.getTimestamp("recorded_at").toInstant()));
    }

    private OrderedWrites writes() {
        return OrderedWrites.of(this, jdbc);
    }
}
