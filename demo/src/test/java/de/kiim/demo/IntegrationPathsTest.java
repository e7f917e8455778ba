package de.kiim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IntegrationPathsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private final List<IntegrationPath> population = IntStream.range(0, 2000)
            .mapToObj(number -> IntegrationPaths.generate(number, 2026, TODAY))
            .toList();

    @Test
    void the_same_number_and_seed_give_the_same_person() {
        assertThat(IntegrationPaths.generate(17, 2026, TODAY)).isEqualTo(population.get(17));
        assertThat(IntegrationPaths.generate(17, 2027, TODAY)).isNotEqualTo(population.get(17));
    }

    @Test
    void no_step_lies_after_today_or_before_the_registration_and_steps_come_in_order() {
        for (IntegrationPath path : population) {
            assertThat(path.registeredOn()).isBeforeOrEqualTo(TODAY);
            LocalDate previous = path.registeredOn();
            for (Step step : path.steps()) {
                assertThat(step.day()).isBeforeOrEqualTo(TODAY).isAfterOrEqualTo(previous);
                previous = step.day();
            }
        }
    }

    @Test
    void a_step_naming_an_earlier_answer_comes_after_the_step_that_gets_it() {
        for (IntegrationPath path : population) {
            java.util.Set<String> captured = new java.util.HashSet<>();
            for (Step step : path.steps()) {
                java.util.regex.Matcher reference =
                        java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(step.path());
                while (reference.find()) {
                    assertThat(captured).contains(reference.group(1));
                }
                if (step.captures() != null) {
                    captured.add(step.captures());
                }
            }
        }
    }

    @Test
    void the_population_spreads_over_five_arrival_years_with_the_documented_shares() {
        long ukrainians = population.stream()
                .filter(path -> path.registration().get("nationality").equals("UKR"))
                .count();
        assertThat(ukrainians).isBetween(520L, 680L); // 30 % of 2,000
        for (int year = IntegrationPaths.FIRST_YEAR; year < IntegrationPaths.FIRST_YEAR + 5; year++) {
            String prefix = year + "-";
            assertThat(population.stream()
                            .filter(path -> path.registration()
                                    .get("entryDate")
                                    .toString()
                                    .startsWith(prefix))
                            .count())
                    .as("arrivals in " + year)
                    .isGreaterThan(150);
        }
        long enrolled = population.stream()
                .filter(path ->
                        path.steps().stream().anyMatch(step -> step.path().equals("/courses")))
                .count();
        assertThat(enrolled).isBetween(1400L, 1700L); // 78 %, some enrolments still to come
    }
}
