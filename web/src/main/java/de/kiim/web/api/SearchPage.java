package de.kiim.web.api;

import java.util.List;
import java.util.Map;

/** One page of a search: the columns asked for and a row per person, each with its {@code personId}. */
public record SearchPage(int page, int size, long total, List<String> fields, List<Map<String, Object>> persons) {}
