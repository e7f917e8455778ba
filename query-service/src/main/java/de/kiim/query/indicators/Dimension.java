package de.kiim.query.indicators;

import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.Language;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.ResidenceStatus;
import de.kiim.events.vocabulary.Sex;
import de.kiim.events.vocabulary.Vocabulary;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * What indicators group and filter by: the coarse attributes in clear, and the situation on the reference date. A
 * value not recorded is {@link #UNKNOWN}; a person without any course has the course type {@link #NO_COURSE}.
 */
enum Dimension {
    NATIONALITY(
            "nationality",
            "Staatsangehörigkeit",
            "Nationality",
            (path, day) -> path.nationality,
            CountryCode::isValid,
            null),
    SEX("sex", "Geschlecht", "Sex", (path, day) -> path.sex, null, Sex.class),
    AGE_BAND(
            "ageBand",
            "Altersgruppe bei Einreise",
            "Age band on entry",
            (path, day) -> path.ageBand,
            null,
            AgeBand.class),
    MUNICIPALITY(
            "municipality",
            "Gemeinde",
            "Municipality",
            (path, day) -> Path.valueOn(path.municipality, day),
            MunicipalityCode::isValid,
            null),
    /** The year of entry. As a filter it is the query's {@code cohort}, not a dimension value. */
    COHORT(
            "cohort",
            "Einreisejahr",
            "Year of entry",
            (path, day) -> path.entryDate == null ? null : Integer.toString(path.entryDate.getYear()),
            code -> false,
            null),
    RESIDENCE_STATUS(
            "residenceStatus",
            "Aufenthaltsstatus",
            "Residence status",
            (path, day) -> Path.valueOn(path.residenceStatus, day),
            null,
            ResidenceStatus.class),
    BENEFIT_REGIME(
            "benefitRegime",
            "Leistungssystem",
            "Benefit regime",
            (path, day) -> Path.valueOn(path.benefitRegime, day),
            null,
            BenefitRegime.class),
    /**
     * The type of the person's first course, {@link #NO_COURSE} before any; for indicators of course episodes, the
     * episode's type.
     */
    COURSE_TYPE(
            "courseType",
            "Kursart",
            "Course type",
            (path, day) -> Optional.ofNullable(path.courseTypeBy(day)).orElse(Dimension.NO_COURSE),
            null,
            CourseType.class),
    /** The quarter of entry ({@code 2024-Q3}): what a cohort of quarters selects, never grouped or filtered by name. */
    ENTRY_QUARTER(
            "entryQuarter",
            "Einreisequartal",
            "Quarter of entry",
            (path, day) -> path.entryDate == null ? null : quarterOf(path.entryDate),
            code -> false,
            null),
    /**
     * The change of benefit regime ({@code ASYLBLG>SGB_II}) that {@code benefit-transitions} counts; it always groups
     * by it, and nothing else can.
     */
    TRANSITION(
            "transition",
            "Wechsel des Leistungssystems",
            "Change of benefit regime",
            (path, day) -> path.transition == null ? null : path.transition.from() + ">" + path.transition.to(),
            code -> false,
            null);

    static final String UNKNOWN = "UNKNOWN";
    static final String NO_COURSE = "NONE";

    private final String parameter;
    private final Vocabulary.Labels labels;
    private final BiFunction<Path, LocalDate, String> value;
    private final Predicate<String> validCode;
    private final Class<? extends Vocabulary> vocabulary;

    Dimension(
            String parameter,
            String labelDe,
            String labelEn,
            BiFunction<Path, LocalDate, String> value,
            Predicate<String> validCode,
            Class<? extends Vocabulary> vocabulary) {
        this.parameter = parameter;
        this.labels = new Vocabulary.Labels(labelDe, labelEn);
        this.value = value;
        this.validCode = validCode != null
                ? validCode
                : code -> Vocabulary.byCode(vocabulary, code).isPresent();
        this.vocabulary = vocabulary;
    }

    String parameter() {
        return parameter;
    }

    String label(Language language) {
        return language.pick(labels);
    }

    static Optional<Dimension> byParameter(String name) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(name)).findFirst();
    }

    /** The person's value on {@code day}; {@link #UNKNOWN} when none was recorded. */
    String valueOf(Path path, LocalDate day) {
        String found = value.apply(path, day);
        return found == null ? UNKNOWN : found;
    }

    /** Whether {@code code} is a value this dimension can take, to filter by. */
    boolean accepts(String code) {
        return UNKNOWN.equals(code) || this == COURSE_TYPE && NO_COURSE.equals(code) || validCode.test(code);
    }

    /** Whether analysts may name it in groupBy: the transition is grouped by its indicator alone. */
    boolean groupable() {
        return this != TRANSITION && this != ENTRY_QUARTER;
    }

    /** Whether analysts may filter by it: the cohort has its own parameters. */
    boolean filterable() {
        return this != COHORT && this != TRANSITION && this != ENTRY_QUARTER;
    }

    static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** The value's name for people: the vocabulary's label, otherwise the code (countries, municipalities, years). */
    String labelOf(String code, Language language) {
        if (this == TRANSITION && code.contains(">")) {
            String[] regimes = code.split(">", 2);
            return BENEFIT_REGIME.labelOf(regimes[0], language) + " → " + BENEFIT_REGIME.labelOf(regimes[1], language);
        }
        if (UNKNOWN.equals(code)) {
            return language.pick("unbekannt", "unknown");
        }
        if (this == COURSE_TYPE && NO_COURSE.equals(code)) {
            return language.pick("kein Kurs", "no course");
        }
        if (vocabulary == null) {
            return code;
        }
        return Vocabulary.byCode(vocabulary, code)
                .map(v -> language.pick(v.labels()))
                .orElse(code);
    }
}
