package de.kiim.platform.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request broke a rule of the domain; answered as a problem detail with the rule's stable name, never as a 500.
 * The message is shown to the client and may end up in logs: it names the rule and never contains personal data.
 */
public class RuleViolation extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public RuleViolation(HttpStatus status, String rule, String message) {
        super(message);
        this.status = status;
        this.rule = rule;
    }

    public static RuleViolation notFound(String rule, String message) {
        return new RuleViolation(HttpStatus.NOT_FOUND, rule, message);
    }

    public static RuleViolation conflict(String rule, String message) {
        return new RuleViolation(HttpStatus.CONFLICT, rule, message);
    }

    public static RuleViolation unprocessable(String rule, String message) {
        return new RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, rule, message);
    }

    /** The client's {@code If-Match} names a version of the person that is no longer current. */
    public static RuleViolation preconditionFailed(String rule, String message) {
        return new RuleViolation(HttpStatus.PRECONDITION_FAILED, rule, message);
    }

    public static RuleViolation gone(String rule, String message) {
        return new RuleViolation(HttpStatus.GONE, rule, message);
    }

    /** Adds a member to the problem detail, e.g. the ids of candidate duplicates; never personal data. */
    public RuleViolation with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }
}
