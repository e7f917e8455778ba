package de.kiim.command.authorship;

import de.kiim.command.api.Caller;
import de.kiim.events.EventMetadata;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.CorrelationIdFilter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps every command with its author (user, agency and the agency's kind), the request's correlation id and the
 * time it was received. Axon copies these to every event the command causes (see {@link AuthorshipConfiguration}), so each
 * event records who wrote it and when.
 */
class AuthorshipInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Clock clock;

    AuthorshipInterceptor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(authorship());
    }

    private MetaData authorship() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof KiimUser user)) {
            // Commands only come from authenticated requests; anything else is a wiring bug, not a client error.
            throw new IllegalStateException("command dispatched without an authenticated Kiim user");
        }
        return MetaData.from(Map.of(
                EventMetadata.USER, user.getUsername(),
                EventMetadata.AGENCY, user.agencyId(),
                Caller.AGENCY_KIND, user.agencyKind().name(),
                EventMetadata.CORRELATION_ID, CorrelationIdFilter.current(),
                EventMetadata.RECORDED_AT, clock.instant().toString()));
    }
}
