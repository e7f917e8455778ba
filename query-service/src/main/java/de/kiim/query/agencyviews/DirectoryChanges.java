package de.kiim.query.agencyviews;

import de.kiim.events.directory.DirectoryEvent;
import de.kiim.query.projections.ViewBuild;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.stereotype.Component;

/**
 * The agency views follow the directory: an agency added, renamed or closed rebuilds them, so that a new agency
 * sees the persons recorded before it that its kind is linked to, and a closed one is linked to nobody. A rebuild
 * (rather than a change of the affected rows) because links and views of every person may change, in the order of
 * each person's events, which only the projection itself keeps. In a replay the directory is already read as it
 * is now, so the change needs nothing more.
 */
@Component
@ProcessingGroup(AgencyViewsProjection.GROUP)
class DirectoryChanges {

    private final Agencies agencies;
    private final ViewBuild build;

    DirectoryChanges(Agencies agencies, ViewBuild agencyViewsBuild) {
        this.agencies = agencies;
        this.build = agencyViewsBuild;
    }

    @EventHandler
    void on(DirectoryEvent event, ReplayStatus status) {
        agencies.refresh();
        if (!status.isReplay()) {
            build.request(event.getClass().getSimpleName() + " " + event.agencyId());
        }
    }
}
