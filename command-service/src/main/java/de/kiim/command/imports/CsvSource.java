package de.kiim.command.imports;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a {@code ;}-separated UTF-8 CSV file as German offices export it, line by line. The header names the
 * columns in English (the API's field names) or German; dates may be ISO or German (TT.MM.JJJJ); sex may be a code,
 * a German word or the AZR's letters M/W/D/X. Everything else is checked like a registration over the API.
 */
final class CsvSource implements Iterator<SourceRow> {

    /** Column names by their folded form (lower case, letters and digits only, umlauts transcribed). */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("familyname", "familyName"),
            Map.entry("familienname", "familyName"),
            Map.entry("nachname", "familyName"),
            Map.entry("givennames", "givenNames"),
            Map.entry("vornamen", "givenNames"),
            Map.entry("vorname", "givenNames"),
            Map.entry("dateofbirth", "dateOfBirth"),
            Map.entry("geburtsdatum", "dateOfBirth"),
            Map.entry("sex", "sex"),
            Map.entry("geschlecht", "sex"),
            Map.entry("nationality", "nationality"),
            Map.entry("staatsangehoerigkeit", "nationality"),
            Map.entry("entrydate", "entryDate"),
            Map.entry("einreisedatum", "entryDate"),
            Map.entry("azrnumber", "azrNumber"),
            Map.entry("azrnummer", "azrNumber"),
            Map.entry("azrnr", "azrNumber"),
            Map.entry("municipality", "municipality"),
            Map.entry("gemeindeschluessel", "municipality"),
            Map.entry("ags", "municipality"),
            Map.entry("registeredon", "registeredOn"),
            Map.entry("erfassungsdatum", "registeredOn"));

    private static final Set<String> REQUIRED =
            Set.of("familyName", "dateOfBirth", "sex", "nationality", "entryDate", "municipality");
    private static final Set<String> DATES = Set.of("dateOfBirth", "entryDate", "registeredOn");
    private static final DateTimeFormatter GERMAN_DATE =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, String> SEXES = Map.ofEntries(
            Map.entry("m", "MALE"),
            Map.entry("maennlich", "MALE"),
            Map.entry("w", "FEMALE"),
            Map.entry("f", "FEMALE"),
            Map.entry("weiblich", "FEMALE"),
            Map.entry("d", "DIVERSE"),
            Map.entry("divers", "DIVERSE"),
            Map.entry("x", "UNSPECIFIED"),
            Map.entry("ohneangabe", "UNSPECIFIED"));

    /** More than the known columns in every spelling: a header wider than this is not an export of persons. */
    static final int MAX_COLUMNS = 40;
    /** Far above any field of a registration. */
    static final int MAX_VALUE_CHARS = 4096;

    private final MappingIterator<List<String>> lines;
    private final List<String> fields;
    /** Rows are numbered as a spreadsheet shows them: the header is row 1. */
    private int rowNumber = 1;

    CsvSource(InputStream body) {
        try {
            // A value longer than any registration field stops the parser instead of filling the heap.
            CsvFactory bounded = CsvFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_VALUE_CHARS)
                            .build())
                    .build();
            CsvMapper mapper = CsvMapper.builder(bounded)
                    .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .enable(CsvParser.Feature.TRIM_SPACES)
                    .build();
            this.lines = mapper.readerForListOf(String.class)
                    .with(CsvSchema.emptySchema().withColumnSeparator(';'))
                    .readValues(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.fields = header();
    }

    private List<String> header() {
        if (!lines.hasNext()) {
            throw new InvalidRequest(new FieldProblem("header", "the file is empty; its first line names the columns"));
        }
        List<String> names = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        List<String> header;
        try {
            header = lines.next();
        } catch (RuntimeException malformed) {
            throw new InvalidRequest(new FieldProblem("header", "is not a valid CSV line"));
        }
        if (header.size() > MAX_COLUMNS) {
            throw new InvalidRequest(new FieldProblem(
                    "header",
                    "has " + header.size() + " columns, at most " + MAX_COLUMNS
                            + " are known; see docs/imports.md for the column names"));
        }
        for (String column : header) {
            String field = COLUMNS.get(fold(column));
            if (field == null) {
                problems.add(new FieldProblem(
                        "header",
                        "unknown column " + (names.size() + 1) + "; see docs/imports.md for the column names"));
            }
            names.add(field);
        }
        REQUIRED.stream()
                .filter(required -> !names.contains(required))
                .sorted()
                .forEach(missing -> problems.add(new FieldProblem("header", "column " + missing + " is missing")));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems.toArray(FieldProblem[]::new));
        }
        return names;
    }

    @Override
    public boolean hasNext() {
        return lines.hasNext();
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int lineNumber = ++rowNumber;
        List<String> values;
        try {
            values = lines.next();
        } catch (RuntimeException malformed) {
            return SourceRow.unreadable(lineNumber, new FieldProblem("line", "is not a valid CSV line"));
        }
        if (values.size() != fields.size()) {
            return SourceRow.unreadable(
                    lineNumber,
                    new FieldProblem("line", "has " + values.size() + " columns, the header " + fields.size()));
        }
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String field = fields.get(i);
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (DATES.contains(field)) {
                String date = isoDate(value);
                if (date == null) {
                    problems.add(new FieldProblem(field, "must be a valid date (YYYY-MM-DD or TT.MM.JJJJ)"));
                }
                row.put(field, date);
            } else if (field.equals("sex")) {
                row.put(field, SEXES.getOrDefault(fold(value), value.toUpperCase(Locale.ROOT)));
            } else {
                row.put(field, value);
            }
        }
        return problems.isEmpty()
                ? SourceRow.read(lineNumber, row)
                : new SourceRow(lineNumber, null, List.copyOf(problems));
    }

    private static String isoDate(String value) {
        try {
            return (value.contains(".") ? LocalDate.parse(value, GERMAN_DATE) : LocalDate.parse(value)).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss")
                .replaceAll("[^a-z0-9]", "");
    }
}
