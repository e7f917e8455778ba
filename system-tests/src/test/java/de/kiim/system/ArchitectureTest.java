package de.kiim.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import de.kiim.events.Category;
import de.kiim.events.EventCatalogue;
import de.kiim.events.PersonEvent;
import de.kiim.events.directory.DirectoryEvent;
import de.kiim.events.targets.TargetEvent;
import de.kiim.query.accesslog.AccessLog;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.springframework.web.bind.annotation.RestController;

/** The dependency rules of DESIGN §7, checked over the production classes of every module. */
@AnalyzeClasses(packages = "de.kiim", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule events_do_not_depend_on_spring_or_the_services = noClasses()
            .that()
            .resideInAPackage("de.kiim.events..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "de.kiim.platform..", "de.kiim.command..", "de.kiim.query..");

    @ArchTest
    static final ArchRule the_query_side_does_not_depend_on_the_command_side = noClasses()
            .that()
            .resideInAPackage("de.kiim.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("de.kiim.command..");

    @ArchTest
    static final ArchRule the_command_side_does_not_depend_on_the_query_side = noClasses()
            .that()
            .resideInAPackage("de.kiim.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("de.kiim.query..");

    @ArchTest
    static final ArchRule the_platform_knows_no_service = noClasses()
            .that()
            .resideInAPackage("de.kiim.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("de.kiim.command..", "de.kiim.query..");

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles =
            slices().matching("de.kiim.(*).(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule events_are_revisioned_records = classes()
            .that()
            .areAnnotatedWith(Category.class)
            .should()
            .beRecords()
            .andShould()
            .beAnnotatedWith(Revision.class)
            .andShould()
            .beAnnotatedWith(de.kiim.events.Label.class)
            .andShould()
            .resideInAPackage("de.kiim.events..");

    /** Every event is a {@link PersonEvent} and is listed in the one {@code EventCatalogue}. */
    @ArchTest
    static final ArchRule events_are_person_events_of_the_catalogue = classes()
            .that()
            .areAnnotatedWith(Category.class)
            .should()
            .implement(PersonEvent.class)
            .andShould(listedIn(EventCatalogue.types()));

    /**
     * A change of the directory, and of a target, is an event too: a revisioned record of the catalogue, about no
     * person.
     */
    @ArchTest
    static final ArchRule directory_events_are_revisioned_records_of_the_catalogue =
            revisionedRecordsAboutNoPerson(DirectoryEvent.class, EventCatalogue.directoryTypes());

    @ArchTest
    static final ArchRule target_events_are_revisioned_records_of_the_catalogue =
            revisionedRecordsAboutNoPerson(TargetEvent.class, EventCatalogue.targetTypes());

    private static ArchRule revisionedRecordsAboutNoPerson(Class<?> kind, List<? extends Class<?>> listed) {
        return classes()
                .that()
                .implement(kind)
                .should()
                .beRecords()
                .andShould()
                .beAnnotatedWith(Revision.class)
                .andShould()
                .notBeAnnotatedWith(Category.class)
                .andShould(listedIn(listed));
    }

    private static ArchCondition<JavaClass> listedIn(List<? extends Class<?>> listed) {
        return new ArchCondition<>("be listed in EventCatalogue") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!listed.contains(type.reflect())) {
                    events.add(
                            SimpleConditionEvent.violated(type, type.getName() + " is not listed in EventCatalogue"));
                }
            }
        };
    }

    /**
     * A query-side controller reads persons' data only through a {@code *Reads} class of its feature package
     * ({@code CardReads}, {@code TimelineReads}, {@code SearchReads}, {@code ExportReads}), which returns data only
     * together with its entry in the access log: no SQL and no event store of its own, so a new endpoint cannot
     * forget the log.
     */
    @ArchTest
    static final ArchRule query_controllers_read_only_through_a_logging_reads_class = noClasses()
            .that()
            .resideInAPackage("de.kiim.query..")
            .and()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "java.sql..", "jakarta.persistence..")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(EventStore.class);

    @ArchTest
    static final ArchRule reads_classes_log_what_they_read = classes()
            .that()
            .resideInAPackage("de.kiim.query..")
            .and()
            .haveSimpleNameEndingWith("Reads")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(AccessLog.class);
}
