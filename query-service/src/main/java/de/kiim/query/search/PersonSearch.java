package de.kiim.query.search;

import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.ResidenceStatus;
import de.kiim.events.vocabulary.Vocabulary;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import de.kiim.query.personcard.CardColumns;
import de.kiim.query.personcard.CourseState;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A search over one agency's cards, from the query parameters of {@code GET /api/v1/persons}: filters that combine,
 * sorting, paging and the columns to answer. The filters are one table ({@link #FILTERS}: parameter, reading,
 * condition), so what is accepted, how it is read and what it adds cannot drift apart. Every parameter is checked
 * against what it may hold — an unknown column or code is a 400 naming the parameter — and becomes a bind variable,
 * never SQL text.
 */
final class PersonSearch {

    /** The columns a search can answer and sort by, in their API names: the card's ({@link CardColumns}). */
    static final Map<String, String> COLUMNS = Collections.unmodifiableMap(CardColumns.BY_FIELD.entrySet().stream()
            .collect(Collectors.toMap(
                    Map.Entry::getKey, column -> "c." + column.getValue(), (a, b) -> a, LinkedHashMap::new)));

    static final List<String> DEFAULT_FIELDS = List.of(
            "familyName",
            "givenNames",
            "dateOfBirth",
            "nationality",
            "municipality",
            "residenceStatus",
            "benefitRegime");
    static final int MAX_SIZE = 200;
    /** The filters that identify a person, which a saved view may not hold (docs/privacy.md). */
    static final List<String> IDENTIFYING_FILTERS = List.of("name", "birthYear");

    final List<String> fields;
    final String orderBy;
    final int page;
    final int size;
    private final List<String> conditions = new ArrayList<>();
    final MapSqlParameterSource parameters = new MapSqlParameterSource();

    private PersonSearch(List<String> fields, String orderBy, int page, int size) {
        this.fields = fields;
        this.orderBy = orderBy;
        this.page = page;
        this.size = size;
    }

    /**
     * One search filter: its parameter, how its text is read into the value bound to {@code :name} (or refused
     * with the reason), and the condition it adds — on the card, or on one of the person's courses. Filters on
     * courses combine into one course that meets them all.
     */
    private record Filter(
            String name, Function<String, Optional<?>> value, String problem, String condition, boolean onCourse) {

        static Filter card(String name, Function<String, Optional<?>> value, String problem, String condition) {
            return new Filter(name, value, problem, condition, false);
        }

        static Filter course(String name, Function<String, Optional<?>> value, String problem, String condition) {
            return new Filter(name, value, problem, condition, true);
        }

        static Filter code(String name, Class<? extends Vocabulary> vocabulary, String condition, boolean onCourse) {
            return new Filter(
                    name,
                    text -> Vocabulary.byCode(vocabulary, text).map(Vocabulary::code),
                    "must be a code of " + vocabulary.getSimpleName() + " (docs/event-catalogue.md)",
                    condition,
                    onCourse);
        }
    }

    /** Every filter of the search, in the order of the API description; nothing else filters. */
    private static final List<Filter> FILTERS = List.of(
            Filter.card(
                    "name",
                    PersonSearch::familyNamePrefix,
                    "must be 1 to 100 characters: the start of a family name",
                    "lower(c.family_name) like :name"),
            Filter.card(
                    "birthYear",
                    text -> whole(text, 1900, 2100),
                    "must be a whole number from 1900 to 2100",
                    "c.date_of_birth >= make_date(:birthYear, 1, 1) and c.date_of_birth < make_date(:birthYear + 1, 1, 1)"),
            Filter.card(
                    "nationality",
                    text -> Optional.of(text)
                            .filter(CountryCode::isValid)
                            .map(code -> CountryCode.of(code).alpha3()),
                    "must be an ISO 3166-1 alpha-2 or alpha-3 code",
                    "c.nationality = :nationality"),
            Filter.code("residenceStatus", ResidenceStatus.class, "c.residence_status = :residenceStatus", false),
            Filter.code("benefitRegime", BenefitRegime.class, "c.benefit_regime = :benefitRegime", false),
            // CEFR codes sort as the levels do (A1 < A2 < B1 …): "reached at least".
            Filter.code("cefrLevel", CefrLevel.class, "c.cefr_level >= :cefrLevel", false),
            Filter.card(
                    "municipality",
                    text -> Optional.of(text).filter(MunicipalityCode::isValid).map(String::strip),
                    "must be an 8-digit Amtlicher Gemeindeschlüssel",
                    "c.municipality = :municipality"),
            Filter.card(
                    "arrivedFrom",
                    PersonSearch::date,
                    "must be a valid date (YYYY-MM-DD)",
                    "c.entry_date >= :arrivedFrom"),
            Filter.card(
                    "arrivedTo", PersonSearch::date, "must be a valid date (YYYY-MM-DD)", "c.entry_date <= :arrivedTo"),
            Filter.code("courseType", CourseType.class, "pc.course_type = :courseType", true),
            Filter.course(
                    "courseState",
                    text -> Arrays.stream(CourseState.values())
                            .map(Enum::name)
                            .filter(text::equals)
                            .findFirst(),
                    "must be one of "
                            + Arrays.stream(CourseState.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")),
                    "pc.state = :courseState"));

    /** The parameters that are not filters: the answer's shape, a saved view to start from, the purpose. */
    private static final List<String> SHAPE = List.of("fields", "sort", "page", "size", "view", "purpose");

    static PersonSearch of(String agency, Map<String, String> query) {
        List<FieldProblem> problems = new ArrayList<>();
        PersonSearch search = new PersonSearch(
                fields(query.get("fields"), problems),
                orderBy(query.get("sort"), problems),
                number(query, "page", 0, 0, 100_000, problems),
                number(query, "size", 50, 1, MAX_SIZE, problems));
        search.conditions.add("c.agency_id = :agency");
        search.parameters.addValue("agency", agency);
        List<String> onCourse = new ArrayList<>();
        for (Filter filter : FILTERS) {
            String text = query.get(filter.name());
            if (text == null) {
                continue;
            }
            Optional<?> value = filter.value().apply(text);
            if (value.isEmpty()) {
                problems.add(new FieldProblem(filter.name(), filter.problem()));
                continue;
            }
            (filter.onCourse() ? onCourse : search.conditions).add(filter.condition());
            search.parameters.addValue(filter.name(), value.get());
        }
        if (!onCourse.isEmpty()) {
            search.conditions.add("exists (select 1 from query.person_course pc where pc.agency_id = c.agency_id "
                    + "and pc.person_id = c.person_id and " + String.join(" and ", onCourse) + ")");
        }
        query.keySet().stream()
                .filter(name -> !isParameter(name))
                .sorted()
                .forEach(name -> problems.add(new FieldProblem(name, "is not a search parameter")));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems.toArray(FieldProblem[]::new));
        }
        return search;
    }

    /** The names of every filter, for the API description and the saved views. */
    static List<String> filterNames() {
        return FILTERS.stream().map(Filter::name).toList();
    }

    private static boolean isParameter(String name) {
        return SHAPE.contains(name)
                || FILTERS.stream().anyMatch(filter -> filter.name().equals(name));
    }

    /** A LIKE prefix with the user's own wildcards escaped. */
    private static Optional<String> familyNamePrefix(String name) {
        if (name.isBlank() || name.length() > 100) {
            return Optional.empty();
        }
        return Optional.of(
                name.strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%");
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> whole(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= min && value <= max ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String where() {
        return String.join(" and ", conditions);
    }

    private static List<String> fields(String requested, List<FieldProblem> problems) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_FIELDS;
        }
        List<String> fields = new ArrayList<>();
        for (String field : requested.split(",")) {
            if (COLUMNS.containsKey(field.strip())) {
                fields.add(field.strip());
            } else {
                problems.add(new FieldProblem(
                        "fields",
                        "knows no column " + field.strip() + "; known: " + String.join(", ", COLUMNS.keySet())));
            }
        }
        return fields;
    }

    /** {@code sort=familyName,-dateOfBirth}: columns in order, a leading minus for descending. */
    private static String orderBy(String requested, List<FieldProblem> problems) {
        List<String> order = new ArrayList<>();
        if (requested != null && !requested.isBlank()) {
            for (String key : requested.split(",")) {
                boolean descending = key.strip().startsWith("-");
                String field = key.strip().replaceFirst("^[-+]", "");
                if (COLUMNS.containsKey(field)) {
                    order.add(COLUMNS.get(field) + (descending ? " desc nulls last" : " asc nulls last"));
                } else {
                    problems.add(new FieldProblem("sort", "knows no column " + field));
                }
            }
        }
        order.add("c.family_name asc nulls last");
        order.add("c.person_id asc");
        return String.join(", ", order);
    }

    private static int number(
            Map<String, String> query, String name, int fallback, int min, int max, List<FieldProblem> problems) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        Optional<Integer> value = whole(text, min, max);
        if (value.isPresent()) {
            return value.get();
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
