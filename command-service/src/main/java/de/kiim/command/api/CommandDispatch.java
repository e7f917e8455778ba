package de.kiim.command.api;

import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends the command of an HTTP request and builds its answer, the same way for every command resource:
 * <ul>
 *     <li>entitlements are checked on the command bus ({@link CommandPolicy}) and by the person
 *     ({@code Person#checkSharedRules}), for every path alike;</li>
 *     <li>an {@code If-Match} header becomes the version the person must still have (else 412);</li>
 *     <li>an {@code Idempotency-Key} (see {@code IdempotencyFilter}) travels with the command together with the
 *     answer, so that both are stored in the transaction that appends the event;</li>
 *     <li>the person's version after the command is answered as {@code ETag}.</li>
 * </ul>
 */
@Component
public class CommandDispatch {

    /** Metadata: the version the client expects the person to have ({@code If-Match}). */
    public static final String EXPECTED_VERSION = "kiim.expectedVersion";
    /** Metadata: the {@link IdempotentAnswer} to store with the command's events. */
    public static final String IDEMPOTENT_ANSWER = "kiim.idempotentAnswer";
    /** Request attribute set by the idempotency filter: the key and fingerprint of a keyed request. */
    public static final String IDEMPOTENCY_ATTRIBUTE = IdempotentRequest.class.getName();

    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private final CommandGateway commands;
    private final HttpServletRequest request;
    private final Clock clock;

    CommandDispatch(CommandGateway commands, HttpServletRequest request, Clock clock) {
        this.commands = commands;
        this.request = request;
        this.clock = clock;
    }

    /** Today, the day of a step whose request names no day of its own. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Answers {@code 204 No Content}. */
    public ResponseEntity<Void> send(Object command) {
        return send(command, HttpStatus.NO_CONTENT, null, null);
    }

    /**
     * Sends {@code command} and answers {@code status} with {@code location} and {@code body} (each may be null),
     * plus the person's new version as {@code ETag} where the command has one.
     */
    public <T> ResponseEntity<T> send(Object command, HttpStatus status, URI location, T body) {
        Map<String, Object> metadata = new HashMap<>();
        expectedVersion().ifPresent(version -> metadata.put(EXPECTED_VERSION, version));
        if (request.getAttribute(IDEMPOTENCY_ATTRIBUTE) instanceof IdempotentRequest keyed) {
            metadata.put(IDEMPOTENT_ANSWER, new IdempotentAnswer(keyed, status.value(), location, body));
        }
        Object result = commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata)));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (location != null) {
            answer.location(location);
        }
        if (result instanceof Long version) {
            answer.eTag(entityTag(version));
        }
        return answer.body(body);
    }

    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }

    private Optional<Long> expectedVersion() {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher tag = ENTITY_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw new InvalidRequest(
                    new FieldProblem(HttpHeaders.IF_MATCH, "must be the ETag of the person as last read, e.g. \"7\""));
        }
        return Optional.of(Long.parseLong(tag.group(1)));
    }

    /** A keyed request as the filter saw it: who sent it, under which key, and a fingerprint of its content. */
    public record IdempotentRequest(String username, String key, byte[] fingerprint) {}

    /** What to store for a keyed request, and to answer again when it is repeated. */
    public record IdempotentAnswer(IdempotentRequest request, int status, URI location, Object body) {}
}
