package de.kiim.platform.web;

/**
 * One offending field of a request: its JSON path (e.g. {@code dateOfBirth}) and why it was refused. The reason
 * never repeats the submitted value, which may be personal data.
 */
public record FieldProblem(String field, String reason) {}
