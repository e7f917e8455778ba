package de.kiim.query.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.kiim.platform.web.ControlCharacters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A projection's writes to its tables, kept in the order they were made and sent at commit: each run of the same
 * statement goes as one JDBC batch. Order is what makes this safe without knowing what the statements do (a
 * delete still meets the rows inserted before it, an update guarded by version still sees the earlier ones).
 * Reads of these tables within the same transaction would not see pending writes: the projections using this
 * do not read their own tables while handling events.
 * <p>
 * PostgreSQL refuses NUL in text and jsonb, and a refused write fails the whole batch at commit. The command side
 * refuses control characters, but events stored before it did must not jam a projection: every text argument
 * loses its NUL characters here, and JSON written to jsonb goes through {@link #jsonb(JsonNode)}.
 */
public final class OrderedWrites {

    private static final Object AT_ONCE = new Object();

    private record Write(String sql, Object[] arguments) {}

    private final JdbcTemplate jdbc;
    private final boolean immediate;
    private final List<Write> pending = new ArrayList<>();
    private final Map<Object, Write> last = new LinkedHashMap<>();

    private OrderedWrites(JdbcTemplate jdbc, boolean immediate) {
        this.jdbc = jdbc;
        this.immediate = immediate;
    }

    /**
     * The writes of {@code owner} in the current transaction, sent before it commits; at once outside one, and
     * inside {@link #atOnce}.
     */
    public static OrderedWrites of(Object owner, JdbcTemplate jdbc) {
        if (TransactionSynchronizationManager.hasResource(AT_ONCE)) {
            return new OrderedWrites(jdbc, true);
        }
        return AtCommit.pending(owner, () -> new OrderedWrites(jdbc, false), OrderedWrites::flush)
                .orElseGet(() -> new OrderedWrites(jdbc, true));
    }

    /**
     * Runs {@code work} with every write sent at once instead of at commit, so a write the database refuses fails
     * {@code work} itself (see {@link EventByEventRetry}). Only for whole transactions: writes already pending would
     * otherwise be overtaken.
     */
    static <T> T atOnce(Supplier<T> work) {
        TransactionSynchronizationManager.bindResource(AT_ONCE, Boolean.TRUE);
        try {
            return work.get();
        } finally {
            TransactionSynchronizationManager.unbindResource(AT_ONCE);
        }
    }

    public void add(String sql, Object... arguments) {
        storable(arguments);
        if (immediate) {
            jdbc.update(sql, arguments);
        } else {
            pending.add(new Write(sql, arguments));
        }
    }

    /**
     * A write sent after all others, of which only the latest per {@code key} counts: for state that only needs
     * to be right when the transaction commits, such as the version every card of a person moves to.
     */
    public void addLast(Object key, String sql, Object... arguments) {
        storable(arguments);
        if (immediate) {
            jdbc.update(sql, arguments);
        } else {
            last.put(key, new Write(sql, arguments));
        }
    }

    /**
     * The text of {@code json} for a jsonb column, without NUL in any string (jsonb cannot hold it); the tree loses
     * them in place.
     */
    public static String jsonb(JsonNode json) {
        return withoutNul(json).toString();
    }

    private static JsonNode withoutNul(JsonNode json) {
        if (json.isTextual()) {
            String text = ControlCharacters.withoutNul(json.textValue());
            return text.equals(json.textValue()) ? json : TextNode.valueOf(text);
        }
        if (json instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(withoutNul(field.getValue())));
        } else if (json instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutNul(array.get(i)));
            }
        }
        return json;
    }

    private static void storable(Object[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String text) {
                arguments[i] = ControlCharacters.withoutNul(text);
            }
        }
    }

    /** Sends the pending writes in order, consecutive ones of the same statement as one batch. */
    public void flush() {
        pending.addAll(last.values());
        last.clear();
        int start = 0;
        while (start < pending.size()) {
            String sql = pending.get(start).sql();
            List<Object[]> run = new ArrayList<>();
            int next = start;
            while (next < pending.size() && pending.get(next).sql().equals(sql)) {
                run.add(pending.get(next).arguments());
                next++;
            }
            if (run.size() == 1) {
                jdbc.update(sql, run.get(0));
            } else {
                jdbc.batchUpdate(sql, run);
            }
            start = next;
        }
        pending.clear();
    }
}
