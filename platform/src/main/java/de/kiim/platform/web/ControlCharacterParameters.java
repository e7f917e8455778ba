package de.kiim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Request parameters are text input too: one with a control character is refused before any controller sees it
 * (a NUL in a search term would otherwise reach PostgreSQL, which refuses it with a 500). Answered like every
 * invalid field, naming the parameter, or {@code query} when its very name holds the character.
 */
final class ControlCharacterParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Set<String> refused = new TreeSet<>();
        request.getParameterMap().forEach((name, values) -> {
            if (ControlCharacters.contains(name, false)) {
                refused.add("query");
            } else if (Arrays.stream(values).anyMatch(value -> ControlCharacters.contains(value, false))) {
                refused.add(name);
            }
        });
        if (!refused.isEmpty()) {
            throw new InvalidRequest(refused.stream()
                    .map(name -> new FieldProblem(name, ControlCharacters.REASON))
                    .toArray(FieldProblem[]::new));
        }
        return true;
    }
}
