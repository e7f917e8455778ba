package de.kiim.platform.processing;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Shares every pooled processor's segments fairly among the live instances of a service, without Axon Server:
 * each instance beats in {@code event_store.processor_node}, and may claim at most
 * {@code ceil(segments / live instances)} segments of a processor. Axon's coordinator releases the surplus when a
 * new instance appears and claims the rest when one disappears (gracefully at once, after a crash once its
 * heartbeat and its token claims have expired).
 * <p>
 * The coordinator asks often, so the answer comes from numbers refreshed with every heartbeat, not from a query.
 */
public class FairShareSegments implements MaxSegmentProvider {

    private static final Logger log = LoggerFactory.getLogger(FairShareSegments.class);

    private final JdbcTemplate jdbc;
    private final String service;
    private final Duration heartbeat;
    private final String nodeId = UUID.randomUUID().toString();
    private final Map<String, Integer> segmentsPerProcessor = new ConcurrentHashMap<>();
    private volatile int liveNodes = 1;

    public FairShareSegments(JdbcTemplate jdbc, String service, Duration heartbeat) {
        this.jdbc = jdbc;
        this.service = service;
        this.heartbeat = heartbeat;
    }

    @Override
    public int getMaxSegments(String processingGroup) {
        Integer segments = segmentsPerProcessor.get(processingGroup);
        if (segments == null) {
            return Short.MAX_VALUE; // not initialised yet: nobody else can hold more than exists
        }
        return Math.max(1, (segments + liveNodes - 1) / liveNodes);
    }

    /** Beats, and refreshes the number of live instances and of segments per processor. */
    @Scheduled(fixedDelayString = "${kiim.processing.heartbeat:PT2S}")
    public void beat() {
        jdbc.update("""
                insert into event_store.processor_node (node_id, service, last_seen) values (?, ?, now())
                on conflict (node_id) do update set last_seen = now()""", nodeId, service);
        Integer live = jdbc.queryForObject("""
                        select count(*) from event_store.processor_node
                         where service = ? and last_seen > now() - make_interval(secs => ?)""", Integer.class, service, 3.0 * heartbeat.toMillis() / 1000);
        int now = live == null || live < 1 ? 1 : live;
        if (now != liveNodes) {
            log.info("{} live instance(s) of {} share the event processors' segments", now, service);
        }
        liveNodes = now;
        // Crashed instances leave rows behind; a day later nobody needs them.
        jdbc.update("delete from event_store.processor_node where last_seen < now() - interval '1 day'");
        jdbc.query("select processor_name, count(*) from event_store.token_entry group by processor_name", rs -> {
            segmentsPerProcessor.put(rs.getString(1), rs.getInt(2));
        });
    }

    /** Leaves at shutdown, so the others take over this instance's segments without waiting for a timeout. */
    public void leave() {
        jdbc.update("delete from event_store.processor_node where node_id = ?", nodeId);
    }

    int liveNodes() {
        return liveNodes;
    }
}
