package de.kiim.query.agencyviews;

import de.kiim.events.directory.AgencyAdded;
import de.kiim.events.directory.AgencyClosed;
import de.kiim.events.directory.AgencyRenamed;
import de.kiim.query.personcard.PersonCards;
import de.kiim.query.projections.ViewBuild;
import de.kiim.query.timeline.TimelineEntries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.stereotype.Component;

/**
 * The agency views follow the directory, each change at its own cost. An agency added rebuilds them: the persons
 * recorded before it that its kind is linked to are found only by replaying every person's events in order, which
 * only the projection does. A closed agency loses its links and rows, nobody else's change. A new name changes no
 * row. In a replay the directory is already read as it is now, so a change needs no rebuild.
 */
@Component
@ProcessingGroup(AgencyViewsProjection.GROUP)
class DirectoryChanges {

    private final Agencies agencies;
    private final ViewBuild build;
    private final PersonLinks links;
    private final TimelineEntries timeline;
    private final PersonCards cards;

    DirectoryChanges(
            Agencies agencies,
            ViewBuild agencyViewsBuild,
            PersonLinks links,
            TimelineEntries timeline,
            PersonCards cards) {
        this.agencies = agencies;
        this.build = agencyViewsBuild;
        this.links = links;
        this.timeline = timeline;
        this.cards = cards;
    }

    @EventHandler
    void on(AgencyAdded event, ReplayStatus status) {
        agencies.refresh();
        if (!status.isReplay()) {
            build.request("AgencyAdded " + event.agencyId());
        }
    }

    @EventHandler
    void on(AgencyRenamed event) {
        agencies.refresh();
    }

    @EventHandler
    void on(AgencyClosed event) {
        agencies.refresh();
        links.forgetAgency(event.agencyId());
        timeline.forgetAgency(event.agencyId());
        cards.forgetAgency(event.agencyId());
    }
}
