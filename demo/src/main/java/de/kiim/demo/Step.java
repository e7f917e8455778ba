package de.kiim.demo;

import java.time.LocalDate;
import java.util.Map;

/**
 * One command of a person's path: on which day, by which demo user, to which path below the person (with
 * {@code {course0}} or {@code {employment0}} for an id an earlier step got back), and with what body.
 *
 * @param captures the name under which this step's answer's id is kept ({@code course0}), or null
 */
record Step(LocalDate day, String user, String path, Map<String, Object> body, String captures) {

    static Step of(LocalDate day, String user, String path, Map<String, Object> body) {
        return new Step(day, user, path, body, null);
    }
}
