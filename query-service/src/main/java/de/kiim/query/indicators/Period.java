package de.kiim.query.indicators;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar year ({@code 2024}), quarter ({@code 2024-Q3}) or month ({@code 2024-07}), from its first to last day. */
record Period(LocalDate first, LocalDate last) {

    static final int FIRST_YEAR = 1900;
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    /** The period {@code value} names; months only where {@code months} allows them. */
    static Optional<Period> parse(String value, boolean months) {
        Matcher matcher = FORMAT.matcher(value);
        if (!matcher.matches()
                || Integer.parseInt(matcher.group(1)) < FIRST_YEAR
                || !months && matcher.group(3) != null) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        if (matcher.group(2) != null) {
            LocalDate first = LocalDate.of(year, Integer.parseInt(matcher.group(2)) * 3 - 2, 1);
            return Optional.of(new Period(first, first.plusMonths(3).minusDays(1)));
        }
        if (matcher.group(3) != null) {
            LocalDate first = LocalDate.of(year, Integer.parseInt(matcher.group(3)), 1);
            return Optional.of(new Period(first, first.plusMonths(1).minusDays(1)));
        }
        return Optional.of(new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
