package de.kiim.command.idempotency;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.api.CommandDispatch.IdempotentRequest;
import de.kiim.platform.crypto.DeploymentKeys;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import de.kiim.platform.web.RuleViolation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * {@code Idempotency-Key} on commands: a request repeated with the same key and the same content gets the first
 * answer again and changes nothing; the same key with other content is refused with 422. Keys belong to the user
 * who sent them. Runs after authentication; the answer itself is stored by {@link IdempotencyInterceptor} in the
 * command's transaction.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** Command bodies are a few hundred bytes; bulk data goes to the import API, which has its own keys. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String FINGERPRINT_KEY_PURPOSE = "idempotency-fingerprint";

    private final IdempotentRequests requests;
    private final DeploymentKeys keys;
    private final HandlerExceptionResolver problems;

    IdempotencyFilter(
            IdempotentRequests requests,
            DeploymentKeys keys,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.requests = requests;
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null
                || !COMMAND_METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/v1/persons");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = Optional.ofNullable(
                        SecurityContextHolder.getContext().getAuthentication())
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getName);
        if (username.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (!VALID_KEY.matcher(key).matches()) {
            problem(
                    request,
                    response,
                    new InvalidRequest(
                            new FieldProblem(HEADER, "must be 1 to 255 visible ASCII characters, e.g. a UUID")));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problem(
                    request,
                    response,
                    new RuleViolation(
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            "request.too-large",
                            "A command body may have at most " + MAX_BODY_BYTES + " bytes."));
            return;
        }
        byte[] fingerprint = fingerprint(keys, request.getMethod(), request.getRequestURI(), body);
        Optional<StoredAnswer> stored = requests.find(username.get(), key);
        if (stored.isPresent() && !Arrays.equals(stored.get().fingerprint(), fingerprint)) {
            problem(
                    request,
                    response,
                    RuleViolation.unprocessable(
                            "idempotency-key.reused",
                            "This Idempotency-Key was already used for a different request."));
        } else if (stored.isPresent()) {
            replay(stored.get(), response);
        } else {
            request.setAttribute(
                    CommandDispatch.IDEMPOTENCY_ATTRIBUTE, new IdempotentRequest(username.get(), key, fingerprint));
            chain.doFilter(new ReadBody(request, body), response);
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, RuntimeException problem) {
        problems.resolveException(request, response, null, problem);
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.body() != null) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The method, path and body ("the same request" means all three are equal), as HMAC-SHA-256 under a deployment
     * key of its own: a stored fingerprint cannot confirm a guessed name, birth date or AZR number without the key.
     */
    static byte[] fingerprint(DeploymentKeys keys, String method, String path, byte[] body) {
        return keys.hmac(FINGERPRINT_KEY_PURPOSE, (method + " " + path + "\n").getBytes(StandardCharsets.UTF_8), body);
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
