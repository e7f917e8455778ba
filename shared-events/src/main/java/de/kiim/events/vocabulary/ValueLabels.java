package de.kiim.events.vocabulary;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names for people of the coded values in events: vocabulary codes, countries and occupation codes, in German or
 * English. Anything without a name (dates, free text, municipality keys) has no label.
 */
public final class ValueLabels {

    private static final Map<String, String> ALPHA2_BY_ALPHA3 = Arrays.stream(Locale.getISOCountries())
            .collect(Collectors.toUnmodifiableMap(
                    a2 -> new Locale("", a2).getISO3Country(), Function.identity(), (first, second) -> first));
    private static final Map<String, Vocabulary.Labels> NO_STATE = Map.of(
            "XXA", new Vocabulary.Labels("staatenlos", "stateless"),
            "XXB", new Vocabulary.Labels("Flüchtling nach der Genfer Konvention", "refugee (1951 convention)"),
            "XXX", new Vocabulary.Labels("ungeklärt", "unresolved"));

    private ValueLabels() {}

    /** The label of {@code code} as a value of {@code type}, e.g. {@code "weiblich"} for {@code FEMALE} of Sex. */
    public static Optional<String> of(Type type, String code, Language language) {
        if (code == null || !(type instanceof Class<?> valueType)) {
            return Optional.empty();
        }
        if (valueType.isEnum() && Vocabulary.class.isAssignableFrom(valueType)) {
            return Vocabulary.byCode(valueType.asSubclass(Vocabulary.class), code)
                    .map(value -> language.pick(value.labels()));
        }
        if (valueType == CountryCode.class) {
            return country(code, language);
        }
        if (valueType == KldbCode.class && KldbCode.isValid(code)) {
            KldbCode occupation = KldbCode.of(code);
            return Optional.of(language.pick(occupation.area().labels()) + " – "
                    + language.pick(occupation.requirementLevel().labels()));
        }
        return Optional.empty();
    }

    /** The element type of a {@code List<X>} or {@code Set<X>}, else empty. */
    public static Optional<Type> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return Optional.of(parameterized.getActualTypeArguments()[0]);
        }
        return Optional.empty();
    }

    private static Optional<String> country(String alpha3, Language language) {
        if (NO_STATE.containsKey(alpha3)) {
            return Optional.of(language.pick(NO_STATE.get(alpha3)));
        }
        return Optional.ofNullable(ALPHA2_BY_ALPHA3.get(alpha3))
                .map(alpha2 -> new Locale("", alpha2).getDisplayCountry(language.locale()));
    }
}
