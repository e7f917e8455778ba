package de.kiim.command.duplicates;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.codec.language.ColognePhonetic;

/**
 * Folds a person's names to a form in which the usual variants of one name meet: case, umlauts and their
 * transcriptions (Müller, Mueller, MÜLLER), ß and ss, diacritics (Çelik, Celik), common transliteration variants
 * (Mohammed, Muhammad) and the order of names (given and family names swapped). Each name part becomes its code in
 * the Kölner Phonetik, which is made for German spelling variants; digits are kept as they are; the parts are
 * sorted. The folding is deliberately coarse: a match only makes a registration ask for confirmation.
 */
final class NameFolding {

    private static final ColognePhonetic COLOGNE = new ColognePhonetic();
    private static final Pattern PARTS = Pattern.compile("\\p{L}+|\\d+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private NameFolding() {}

    static String fold(String... names) {
        return Stream.of(names)
                .filter(Objects::nonNull)
                .flatMap(NameFolding::parts)
                .map(part -> Character.isDigit(part.charAt(0)) ? part : COLOGNE.colognePhonetic(part))
                .filter(code -> !code.isEmpty())
                .sorted()
                .collect(Collectors.joining(" "));
    }

    private static Stream<String> parts(String name) {
        String plain = COMBINING_MARKS
                .matcher(Normalizer.normalize(name.replace("ß", "ss").replace("ẞ", "SS"), Normalizer.Form.NFD))
                .replaceAll("");
        Matcher matcher = PARTS.matcher(plain.toLowerCase(Locale.ROOT));
        Stream.Builder<String> parts = Stream.builder();
        while (matcher.find()) {
            parts.add(matcher.group());
        }
        return parts.build();
    }
}
