package de.kiim.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A synthetic person: the registration's body and the steps that follow, in the order of their days. */
record IntegrationPath(int number, LocalDate registeredOn, Map<String, Object> registration, List<Step> steps) {}
