package de.kiim.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem detail. Client mistakes become 4xx naming each offending field and
 * the reason; a 500 is reserved for our own bugs, and its body reveals nothing.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    static final String ERRORS = "errors";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        var tooLarge = RequestTooLarge.in(ex);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(List.of(JsonProblems.of(mapping)));
        }
        if (cause instanceof JsonProcessingException) {
            return problem(HttpStatus.BAD_REQUEST, "The request body is not well-formed JSON.");
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is missing or unreadable.");
    }

    /** A path or query parameter of the wrong type, e.g. a person id that is no UUID. The value is not echoed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        String expected = ex.getRequiredType() == null ? "value" : JsonProblems.describe(ex.getRequiredType());
        return invalid(List.of(new FieldProblem(name, "must be a valid " + expected)));
    }

    /**
     * A request parameter outside its bounds on a {@code @Validated} controller (e.g. {@code limit=0}): the
     * parameter's name is the last node of the violation's path; its value is not echoed.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> parameterOutOfBounds(ConstraintViolationException ex) {
        return invalid(ex.getConstraintViolations().stream()
                .map(violation -> {
                    String field = "request";
                    for (Path.Node node : violation.getPropertyPath()) {
                        field = node.getName();
                    }
                    return new FieldProblem(field, violation.getMessage());
                })
                .toList());
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> ruleViolation(RuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(violation.status(), violation.getMessage());
        problem.setType(URI.create("urn:kiim:problem:" + violation.rule()));
        problem.setProperty("rule", violation.rule());
        violation.properties().forEach(problem::setProperty);
        return ResponseEntity.status(violation.status()).body(problem);
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<Object> invalidRequest(InvalidRequest invalid) {
        return invalid(invalid.problems());
    }

    @ExceptionHandler(AggregateDeletedException.class)
    ResponseEntity<Object> deleted(AggregateDeletedException ex) {
        return problem(HttpStatus.GONE, "The person's data has been erased.");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "No such person.");
    }

    /**
     * A command for a stream that holds another kind of record (an agency's id where a person's is expected, or the
     * reverse): to the caller, the record it named does not exist.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<Object> otherKindOfRecord(IncompatibleAggregateException ex) {
        return problem(HttpStatus.NOT_FOUND, "No such record.");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException ex) {
        return problem(HttpStatus.CONFLICT, "The person was changed concurrently; read the new state and retry.");
    }

    /** A command handler's exception, wrapped by Axon: answer for what it wraps. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (cause instanceof InvalidRequest invalid) {
            return invalidRequest(invalid);
        }
        if (cause instanceof AggregateDeletedException deleted) {
            return deleted(deleted);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        if (cause instanceof ConcurrencyException concurrent) {
            return concurrentChange(concurrent);
        }
        if (cause instanceof IncompatibleAggregateException otherKind) {
            return otherKindOfRecord(otherKind);
        }
        return unexpected(ex);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "Your role does not allow this request.");
    }

    @ExceptionHandler(RequestTooLarge.class)
    ResponseEntity<Object> tooLarge(RequestTooLarge ex) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(tooLargeProblem(ex.limit()));
    }

    /** For the request-size filter, which answers before any controller is reached. */
    static void writeTooLarge(HttpServletResponse response, ObjectMapper json, long limit) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), tooLargeProblem(limit));
    }

    private static ProblemDetail tooLargeProblem(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, "The request body may have at most " + limit + " bytes.");
        problem.setProperty("rule", "request.too-large");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (ServiceUnavailable.isDatabaseUnavailable(ex)) {
            // Not a bug: the database is restarting or the pool is exhausted. 503 with Retry-After.
            return ServiceUnavailable.databaseUnavailable(ex);
        }
        var tooLarge = RequestTooLarge.in(ex);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get());
        }
        // Our own bug: logged with its stack (our exception messages carry no personal data), answered blandly.
        log.error("Unexpected failure handling a request", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> unordered) {
        List<FieldProblem> problems = unordered.stream()
                .sorted(java.util.Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Invalid request: "
                        + problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "))
                        + ".");
        problem.setTitle("Invalid request");
        problem.setProperty(ERRORS, problems);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
