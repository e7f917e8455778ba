package de.kiim.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.text.Normalizer;

/**
 * Every string read from a request body, wherever it sits (field, list element, map value, nested object), is
 * refused when it holds a control character: in one place, so no field of any request can forget the check. The
 * value is read by Jackson's own string deserializer first, so coercions and null handling stay as they were.
 * Property names are not values and are not read here; unknown ones still fail as unknown fields. Text is kept in
 * Unicode's composed form (NFC), so that "ü" typed as one character or as "u" and a combining mark is one name to
 * the duplicate check, the search and the blind index.
 */
public final class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private static final TextDeserializer SINGLE_LINE = new TextDeserializer(false);
    private static final TextDeserializer MULTI_LINE = new TextDeserializer(true);

    private final boolean lineBreaksAllowed;

    private TextDeserializer(boolean lineBreaksAllowed) {
        super(String.class);
        this.lineBreaksAllowed = lineBreaksAllowed;
    }

    /** The module registering this deserializer for {@code String}. */
    public static SimpleModule module() {
        return new SimpleModule("kiim-text").addDeserializer(String.class, SINGLE_LINE);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return property != null && property.getAnnotation(MultiLineText.class) != null ? MULTI_LINE : SINGLE_LINE;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = StringDeserializer.instance.deserialize(p, ctxt);
        if (text != null && ControlCharacters.contains(text, lineBreaksAllowed)) {
            throw new ControlCharacterFound(p, lineBreaksAllowed);
        }
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A string value with a control character; its message and reason never repeat the value. */
    public static final class ControlCharacterFound extends MismatchedInputException {

        private final boolean lineBreaksAllowed;

        ControlCharacterFound(JsonParser p, boolean lineBreaksAllowed) {
            super(p, "String value with a control character", String.class);
            this.lineBreaksAllowed = lineBreaksAllowed;
        }

        public String reason() {
            return lineBreaksAllowed ? ControlCharacters.MULTI_LINE_REASON : ControlCharacters.REASON;
        }
    }
}
