package de.kiim.command.person;

import de.kiim.events.person.PersonId;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PersonTest {

    private final PersonId personId = PersonId.random();
    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
    }

    private RegisterPerson registration(String azrNumber) {
        return new RegisterPerson(personId, LocalDate.of(2024, 3, 4), "Testperson", "Erika Maria",
                LocalDate.of(1991, 2, 3), Sex.FEMALE, CountryCode.of("AF"), LocalDate.of(2023, 10, 1), azrNumber,
                MunicipalityCode.of("15085370"));
    }

    @Test
    void registration_records_all_base_data_on_the_persons_stream() {
        fixture.givenNoPriorActivity()
                .when(registration("000011112222"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonRegistered(personId, LocalDate.of(2024, 3, 4), "Testperson", "Erika Maria",
                        LocalDate.of(1991, 2, 3), Sex.FEMALE, CountryCode.of("AFG"), LocalDate.of(2023, 10, 1),
                        "000011112222", MunicipalityCode.of("15085370")));
    }

    @Test
    void the_aggregate_keeps_no_personal_data_in_its_state_so_snapshots_hold_none() {
        fixture.givenNoPriorActivity()
                .when(registration("000011112222"))
                .expectState(person -> {
                    for (Field field : Person.class.getDeclaredFields()) {
                        field.setAccessible(true);
                        Object value = get(field, person);
                        assertThat(String.valueOf(value))
                                .as("state field %s", field.getName())
                                .doesNotContain("Testperson", "Erika", "1991-02-03", "000011112222");
                    }
                });
    }

    private static Object get(Field field, Person person) {
        try {
            return field.get(person);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
