package de.kiim.query.accesslog;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The chain's head at {@code seq} as the service saw it, signed under the chain's key. */
record Anchor(long seq, AnchorKind kind, byte[] link, Instant anchoredAt, byte[] mac) {

    static List<Anchor> all(JdbcTemplate jdbc) {
        return jdbc.query(
                "select seq, kind, link, anchored_at, mac from audit.access_log_anchor order by seq, kind",
                (rs, row) -> new Anchor(
                        rs.getLong("seq"),
                        AnchorKind.valueOf(rs.getString("kind")),
                        rs.getBytes("link"),
                        rs.getTimestamp("anchored_at").toInstant(),
                        rs.getBytes("mac")));
    }
}
