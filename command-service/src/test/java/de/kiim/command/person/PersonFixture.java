package de.kiim.command.person;

import de.kiim.command.api.Caller;
import de.kiim.command.benefits.ChangeBenefitRegime;
import de.kiim.command.course.CourseCommand;
import de.kiim.command.erasure.RetentionPeriods;
import de.kiim.events.EventMetadata;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.entitlements.LinkRules;
import de.kiim.platform.security.OpenAgencies;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The {@link Person} aggregate under test as the service runs it: the shipped entitlement policy, a fixed clock,
 * retention for every reason, and every command stamped with a sending agency as the authorship interceptor does.
 * Unless a test names the sender, commands come from integration management (which sees everyone), course steps
 * from the course's provider and benefit-regime changes from the Sozialamt.
 */
final class PersonFixture {

    static final String ABH = "abh-harz";
    static final String VHS = "vhs-harz";
    /** The one agency of the fixture's directory that is closed; every other is open. */
    static final String CLOSED = "vhs-geschlossen";

    static final Period RETENTION = Period.ofMonths(6);
    static final Period GRACE = Period.ofDays(14);

    private PersonFixture() {}

    static AggregateTestFixture<Person> of(LocalDate today, Object... resources) {
        EntitlementPolicy policy = EntitlementPolicy.defaultPolicy();
        var fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(policy);
        fixture.registerInjectableResource(new LinkRules(policy));
        fixture.registerInjectableResource(Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        fixture.registerInjectableResource(retention());
        fixture.registerInjectableResource((OpenAgencies) agency -> !CLOSED.equals(agency));
        Arrays.stream(resources).forEach(fixture::registerInjectableResource);
        fixture.registerCommandDispatchInterceptor(
                messages -> (index, command) -> command.getMetaData().containsKey(EventMetadata.AGENCY)
                        ? command
                        : command.andMetaData(defaultSender(command.getPayload())));
        return fixture;
    }

    static RetentionPeriods retention() {
        return new RetentionPeriods(
                Arrays.stream(SupportEndReason.values())
                        .collect(Collectors.toMap(Function.identity(), reason -> RETENTION)),
                GRACE);
    }

    static MetaData sender(String agency, AgencyKind kind) {
        return MetaData.with(EventMetadata.AGENCY, agency).and(Caller.AGENCY_KIND, kind.name());
    }

    /** An event of the person's history as recorded by {@code agency}. */
    static EventMessage<?> by(String agency, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(MetaData.with(EventMetadata.AGENCY, agency));
    }

    private static MetaData defaultSender(Object command) {
        if (command instanceof CourseCommand) {
            return sender(VHS, AgencyKind.SPRACHKURSTRAEGER);
        }
        if (command instanceof ChangeBenefitRegime) {
            return sender("sozialamt-harz", AgencyKind.SOZIALAMT);
        }
        return sender("kim-harz", AgencyKind.INTEGRATIONSMANAGEMENT);
    }
}
