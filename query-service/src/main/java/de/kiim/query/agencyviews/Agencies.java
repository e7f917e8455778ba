package de.kiim.query.agencyviews;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.platform.security.AgencyDirectory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The district's open agencies and their kinds, from the directory, remembered for a minute: the views consult them
 * for every event, and agencies change rarely — and when they do, the directory's event says so ({@link #refresh}).
 */
@Component
class Agencies {

    private final LoadingCache<String, Map<String, AgencyKind>> all;

    Agencies(AgencyDirectory directory) {
        this.all = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMinutes(1))
                .build(key -> Map.copyOf(directory.allAgencies()));
    }

    Optional<AgencyKind> kindOf(String agencyId) {
        return Optional.ofNullable(agencyId == null ? null : all.get("all").get(agencyId));
    }

    /** Reads the directory again at the next lookup: it has changed. */
    void refresh() {
        all.invalidateAll();
    }

    /** Every agency with its kind. */
    Map<String, AgencyKind> all() {
        return all.get("all");
    }
}
