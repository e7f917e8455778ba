package de.kiim.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Every date read from a request body lies between {@link #EARLIEST} and {@link #LATEST}: ISO 8601 lets a year
 * have any number of digits and a sign, and a date like {@code -999999999-01-01} would otherwise pass every
 * "not in the future" check into the records, the statistics' cohorts and the exports. No person, step or agency
 * of Kiim is dated before 1900. Read by Jackson's own date deserializer first, so the format stays as it was.
 */
public final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    public static final String REASON = "must be a date from " + EARLIEST + " to " + LATEST;

    private DateDeserializer() {
        super(LocalDate.class);
    }

    /** The module registering this deserializer for {@code LocalDate}. */
    public static SimpleModule module() {
        return new SimpleModule("kiim-dates").addDeserializer(LocalDate.class, new DateDeserializer());
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new DateOutOfRange(p);
        }
        return date;
    }

    /** A date outside the range; its message never repeats the value. */
    public static final class DateOutOfRange extends MismatchedInputException {

        DateOutOfRange(JsonParser p) {
            super(p, "Date out of range", LocalDate.class);
        }
    }
}
