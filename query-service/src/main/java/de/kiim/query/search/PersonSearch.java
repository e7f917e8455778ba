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
import de.kiim.query.personcard.CourseState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A search over one agency's cards, from the query parameters of {@code GET /api/v1/persons}: filters that combine,
 * sorting, paging and the columns to answer. Every parameter is checked against what it may hold — an unknown column
 * or code is a 400 naming the parameter — and becomes a bind variable, never SQL text.
 */
final class PersonSearch {

    /** The columns a search can answer and sort by, in their API names. */
    static final Map<String, String> COLUMNS = columns();
    static final List<String> DEFAULT_FIELDS = List.of("familyName", "givenNames", "dateOfBirth", "nationality",
            "municipality", "residenceStatus", "benefitRegime");
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

    static PersonSearch of(String agency, Map<String, String> query) {
        List<FieldProblem> problems = new ArrayList<>();
        PersonSearch search = new PersonSearch(fields(query.get("fields"), problems), orderBy(query.get("sort"),
                problems), number(query, "page", 0, 0, 100_000, problems), number(query, "size", 50, 1, MAX_SIZE,
                problems));
        search.condition("c.agency_id = :agency", "agency", agency);
        Optional.ofNullable(query.get("name")).ifPresent(name -> {
            if (name.isBlank() || name.length() > 100) {
                problems.add(new FieldProblem("name", "must be 1 to 100 characters: the start of a family name"));
            } else {
                search.condition("lower(c.family_name) like :name", "name",
                        name.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                                .replace("_", "\\_") + "%");
            }
        });
        Optional.ofNullable(query.get("birthYear")).ifPresent(text -> {
            int year = number(query, "birthYear", 0, 1900, 2100, problems);
            search.condition("c.date_of_birth >= :bornFrom and c.date_of_birth < :bornTo", "bornFrom",
                    LocalDate.of(year, 1, 1));
            search.parameters.addValue("bornTo", LocalDate.of(year + 1, 1, 1));
        });
        Optional.ofNullable(query.get("nationality")).ifPresent(code -> {
            if (CountryCode.isValid(code)) {
                search.condition("c.nationality = :nationality", "nationality", CountryCode.of(code).alpha3());
            } else {
                problems.add(new FieldProblem("nationality", "must be an ISO 3166-1 alpha-2 or alpha-3 code"));
            }
        });
        code(query, "residenceStatus", ResidenceStatus.class, problems)
                .ifPresent(code -> search.condition("c.residence_status = :residenceStatus", "residenceStatus", code));
        code(query, "benefitRegime", BenefitRegime.class, problems)
                .ifPresent(code -> search.condition("c.benefit_regime = :benefitRegime", "benefitRegime", code));
        code(query, "cefrLevel", CefrLevel.class, problems)
                .ifPresent(code -> search.condition("c.cefr_level >= :cefrLevel", "cefrLevel", code));
        Optional.ofNullable(query.get("municipality")).ifPresent(code -> {
            if (MunicipalityCode.isValid(code)) {
                search.condition("c.municipality = :municipality", "municipality", code.strip());
            } else {
                problems.add(new FieldProblem("municipality", "must be an 8-digit Amtlicher Gemeindeschlüssel"));
            }
        });
        date(query, "arrivedFrom", problems).ifPresent(from -> search.condition("c.entry_date >= :arrivedFrom",
                "arrivedFrom", from));
        date(query, "arrivedTo", problems).ifPresent(to -> search.condition("c.entry_date <= :arrivedTo",
                "arrivedTo", to));
        var courseType = code(query, "courseType", CourseType.class, problems);
        var courseState = Optional.ofNullable(query.get("courseState")).flatMap(state -> {
            try {
                return Optional.of(CourseState.valueOf(state)).map(Enum::name);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("courseState", "must be one of ENROLLED, INTERRUPTED, COMPLETED, "
                        + "DROPPED_OUT"));
                return Optional.empty();
            }
        });
        if (courseType.isPresent() || courseState.isPresent()) {
            search.conditions.add("exists (select 1 from query.person_course pc where pc.agency_id = c.agency_id "
                    + "and pc.person_id = c.person_id"
                    + (courseType.isPresent() ? " and pc.course_type = :courseType" : "")
                    + (courseState.isPresent() ? " and pc.state = :courseState" : "") + ")");
            courseType.ifPresent(type -> search.parameters.addValue("courseType", type));
            courseState.ifPresent(state -> search.parameters.addValue("courseState", state));
        }
        query.keySet().stream().filter(name -> !PARAMETERS.contains(name)).sorted()
                .forEach(name -> problems.add(new FieldProblem(name, "is not a search parameter")));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems.toArray(FieldProblem[]::new));
        }
        return search;
    }

    private static final List<String> PARAMETERS = List.of("name", "birthYear", "nationality", "residenceStatus",
            "benefitRegime", "cefrLevel", "municipality", "arrivedFrom", "arrivedTo", "courseType", "courseState",
            "fields", "sort", "page", "size", "view", "purpose");

    String where() {
        return String.join(" and ", conditions);
    }

    private void condition(String sql, String name, Object value) {
        conditions.add(sql);
        parameters.addValue(name, value);
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
                problems.add(new FieldProblem("fields", "knows no column " + field.strip() + "; known: "
                        + String.join(", ", COLUMNS.keySet())));
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

    private static Optional<String> code(Map<String, String> query, String name,
                                         Class<? extends Vocabulary> vocabulary, List<FieldProblem> problems) {
        String code = query.get(name);
        if (code == null) {
            return Optional.empty();
        }
        for (Vocabulary value : vocabulary.getEnumConstants()) {
            if (value.code().equals(code)) {
                return Optional.of(code);
            }
        }
        problems.add(new FieldProblem(name, "must be a code of " + vocabulary.getSimpleName()
                + " (docs/event-catalogue.md)"));
        return Optional.empty();
    }

    private static Optional<LocalDate> date(Map<String, String> query, String name, List<FieldProblem> problems) {
        try {
            return Optional.ofNullable(query.get(name)).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a valid date (YYYY-MM-DD)"));
            return Optional.empty();
        }
    }

    private static int number(Map<String, String> query, String name, int fallback, int min, int max,
                              List<FieldProblem> problems) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("familyName", "c.family_name");
        columns.put("givenNames", "c.given_names");
        columns.put("dateOfBirth", "c.date_of_birth");
        columns.put("sex", "c.sex");
        columns.put("nationality", "c.nationality");
        columns.put("entryDate", "c.entry_date");
        columns.put("azrNumber", "c.azr_number");
        columns.put("municipality", "c.municipality");
        columns.put("registeredOn", "c.registered_on");
        columns.put("residenceStatus", "c.residence_status");
        columns.put("residenceValidUntil", "c.residence_valid_until");
        columns.put("benefitRegime", "c.benefit_regime");
        columns.put("cefrLevel", "c.cefr_level");
        columns.put("movedAwayOn", "c.moved_away_on");
        return Collections.unmodifiableMap(columns);
    }
}
