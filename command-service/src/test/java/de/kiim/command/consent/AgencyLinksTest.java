package de.kiim.command.consent;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.events.EventCatalogue;
import de.kiim.platform.entitlements.LinkFacts;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;

/** The member folds exactly the events the link facts are made of: no fewer (wrong links), no more (wasted loads). */
class AgencyLinksTest {

    @Test
    void it_handles_exactly_the_link_events() {
        var handled = Arrays.stream(AgencyLinks.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .map(Method::getParameterTypes)
                .map(parameters -> parameters[0])
                .collect(Collectors.toSet());
        var linkEvents =
                EventCatalogue.types().stream().filter(LinkFacts::concerns).collect(Collectors.toSet());

        assertThat(linkEvents).isNotEmpty();
        assertThat(handled).isEqualTo(linkEvents);
    }
}
