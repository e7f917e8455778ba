package de.kiim.web.home;

import de.kiim.web.api.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;

/**
 * A service's refusal that no form handles becomes a page that says what happened, with the service's status: a
 * person the agency does not see is "not found", a step outside the agency's tasks "not permitted", a conflict
 * the service's own explanation. An unreachable service is a 503, never a stack trace.
 */
@ControllerAdvice
class ProblemPages {

    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, HttpServletResponse response, Model model) {
        response.setStatus(problem.status());
        model.addAttribute("status", problem.status());
        model.addAttribute("detail", problem.detail());
        return "error";
    }

    @ExceptionHandler(ResourceAccessException.class)
    String unreachable(ResourceAccessException failure, HttpServletResponse response, Model model) {
        // The message names the service's address only, never a request's content.
        log.warn("A service did not answer: {}", failure.getClass().getSimpleName());
        response.setStatus(503);
        model.addAttribute("status", 503);
        return "error";
    }
}
