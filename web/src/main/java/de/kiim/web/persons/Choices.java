package de.kiim.web.persons;

import de.kiim.events.vocabulary.Language;
import de.kiim.events.vocabulary.Vocabulary;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The choices of a picker: every value of a vocabulary with its label in the page's language. The vocabularies
 * are the events' own (shared-events), so a form offers exactly the codes the command service accepts.
 */
public record Choices(List<Choice> values) {

    public record Choice(String code, String label) {}

    public static Choices of(Class<? extends Vocabulary> vocabulary) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        return new Choices(Arrays.stream(vocabulary.getEnumConstants())
                .map(value -> new Choice(value.code(), language.pick(value.labels())))
                .toList());
    }

    /** The label of {@code code}, or the code itself where it is none of these (a newer code, an erased field). */
    public String label(Object code) {
        return values.stream()
                .filter(choice -> choice.code().equals(code))
                .map(Choice::label)
                .findFirst()
                .orElse(code == null ? "" : code.toString());
    }
}
