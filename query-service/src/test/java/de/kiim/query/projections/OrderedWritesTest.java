package de.kiim.query.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kiim.testsupport.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes collected in a transaction reach PostgreSQL at commit, in the order they were made, or not at all. */
class OrderedWritesTest {

    private static final String INSERT = "insert into ordered_writes_probe (id, value, version) values (?, ?, ?)";
    private static final String UPDATE =
            "update ordered_writes_probe set value = ?, version = ? where id = ? and version < ?";
    private static final String ADVANCE = "update ordered_writes_probe set version = ? where id = ? and version < ?";
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void database() {
        TestDatabase database = TestDatabase.instance();
        var dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void table() {
        jdbc.execute("drop table if exists ordered_writes_probe");
        jdbc.execute("create table ordered_writes_probe (id int primary key, value text, version int)");
    }

    @Test
    void writesWaitForTheCommitAndKeepTheirOrder() {
        transactions.executeWithoutResult(status -> {
            OrderedWrites writes = OrderedWrites.of(this, jdbc);
            writes.add(INSERT, 1, "registered", 0);
            writes.add(UPDATE, "moved", 1, 1, 1);
            writes.add(UPDATE, "moved again", 2, 1, 2);
            writes.add("delete from ordered_writes_probe where id = ?", 1);
            writes.add(INSERT, 1, "back-filled", 0);
            writes.add(INSERT, 2, "other", 0);
            writes.addLast(1, ADVANCE, 5, 1, 5);
            writes.addLast(1, ADVANCE, 7, 1, 7);
            assertThat(OrderedWrites.of(this, jdbc))
                    .as("one per owner and transaction")
                    .isSameAs(writes);
            assertThat(count()).as("nothing sent before the commit").isZero();
        });
        assertThat(jdbc.queryForList(
                        "select id || ':' || value || ':' || version from ordered_writes_probe " + "order by id",
                        String.class))
                .containsExactly("1:back-filled:7", "2:other:0");
    }

    @Test
    void aRolledBackTransactionWritesNothing() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    OrderedWrites.of(this, jdbc).add(INSERT, 1, "lost", 0);
                    throw new IllegalStateException("handler failed");
                }))
                .hasMessage("handler failed");
        transactions.executeWithoutResult(status -> OrderedWrites.of(this, jdbc).add(INSERT, 2, "next batch", 0));
        assertThat(jdbc.queryForList("select value from ordered_writes_probe", String.class))
                .isEqualTo(List.of("next batch"));
    }

    @Test
    void outsideATransactionWritesAtOnce() {
        OrderedWrites.of(this, jdbc).add(INSERT, 1, "now", 0);
        assertThat(count()).isOne();
    }

    private static int count() {
        return jdbc.queryForObject("select count(*) from ordered_writes_probe", Integer.class);
    }

    /** jsonb cannot hold NUL: every string of the tree loses it, however deep; a written backslash-u0000 stays. */
    @Test
    void json_for_jsonb_has_no_nul_in_any_string() {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        json.put("a", "x\u0000y");
        json.putArray("b").add("\u0000").addObject().put("c", "z\u0000");
        json.put("d", "\\u0000");

        String text = OrderedWrites.jsonb(json);

        assertThat(text).isEqualTo("{\"a\":\"xy\",\"b\":[\"\",{\"c\":\"z\"}],\"d\":\"\\\\u0000\"}");
        assertThat(jdbc.queryForObject("select (?::jsonb) ->> 'd'", String.class, text))
                .isEqualTo("\\u0000");
    }
}
