package de.kiim.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a person's integration path as a counselor reads it.
 *
 * @param type       the event type, e.g. {@code PersonRegistered}
 * @param title      the type's name for people, in the language asked for
 * @param occurredAt when the step happened (domain date)
 * @param recordedAt when it was entered into Kiim
 * @param author     the user who entered it
 * @param agency     the agency of that user
 * @param data       the event's fields, without the person id
 * @param labels     names for people of the coded fields of {@code data}, e.g. {@code "sex": "weiblich"}
 * @param erased     whether the person's data key was destroyed when the entry was written: personal fields
 *                   read {@code "[erased]"} or {@code null}
 */
public record TimelineEntry(
        long sequence,
        String type,
        String title,
        String category,
        LocalDate occurredAt,
        Instant recordedAt,
        String author,
        String agency,
        JsonNode data,
        JsonNode labels,
        boolean erased) {}
