package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every bounded request parameter, just outside its bounds, is a 400 naming the parameter — they answered 500
 * (a constraint violation of a request parameter had no problem detail).
 */
class BoundedParametersTest {

    private final RunningSystem system = RunningSystem.instance();

    record Case(ApiClient service, String user, String path, String parameter) {}

    @Test
    void a_parameter_outside_its_bounds_is_a_400_naming_it() {
        String rows = "/api/v1/imports/" + UUID.randomUUID() + "/rows?";
        List<Case> cases = List.of(
                new Case(system.commands, "abh", rows + "limit=0", "limit"),
                new Case(system.commands, "abh", rows + "limit=5001", "limit"),
                new Case(system.commands, "abh", rows + "afterLine=-1", "afterLine"),
                new Case(system.queries, "auditor", "/api/v1/audit/changes?limit=0", "limit"),
                new Case(system.queries, "auditor", "/api/v1/audit/changes?limit=10001", "limit"),
                new Case(system.queries, "auditor", "/api/v1/audit/changes?afterPosition=-1", "afterPosition"),
                new Case(system.queries, "auditor", "/api/v1/audit/access?limit=0", "limit"),
                new Case(system.queries, "auditor", "/api/v1/audit/access?limit=10001", "limit"),
                new Case(system.queries, "auditor", "/api/v1/audit/access?afterSeq=-1", "afterSeq"));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            var answer = c.service().get(c.path(), c.user());
            if (answer.status() != 400
                    || !answer.json().path("errors").findValuesAsText("field").contains(c.parameter())) {
                wrong.add(c.path() + ": " + answer.status() + " " + answer.body());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
