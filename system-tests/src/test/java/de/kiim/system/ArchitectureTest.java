package de.kiim.system;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import de.kiim.events.Category;
import org.axonframework.serialization.Revision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of DESIGN §7, checked over the production classes of every module. */
@AnalyzeClasses(packages = "de.kiim", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule events_do_not_depend_on_spring_or_the_services = noClasses()
            .that().resideInAPackage("de.kiim.events..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "de.kiim.platform..", "de.kiim.command..", "de.kiim.query..");

    @ArchTest
    static final ArchRule the_query_side_does_not_depend_on_the_command_side = noClasses()
            .that().resideInAPackage("de.kiim.query..")
            .should().dependOnClassesThat().resideInAPackage("de.kiim.command..");

    @ArchTest
    static final ArchRule the_command_side_does_not_depend_on_the_query_side = noClasses()
            .that().resideInAPackage("de.kiim.command..")
            .should().dependOnClassesThat().resideInAPackage("de.kiim.query..");

    @ArchTest
    static final ArchRule the_platform_knows_no_service = noClasses()
            .that().resideInAPackage("de.kiim.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("de.kiim.command..", "de.kiim.query..");

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles = slices()
            .matching("de.kiim.(*).(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule events_are_revisioned_records = classes()
            .that().areAnnotatedWith(Category.class)
            .should().beRecords()
            .andShould().beAnnotatedWith(Revision.class)
            .andShould().beAnnotatedWith(de.kiim.events.Label.class)
            .andShould().resideInAPackage("de.kiim.events..");
}
