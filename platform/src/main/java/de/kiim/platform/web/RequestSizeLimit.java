package de.kiim.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a limit, whatever the endpoint and whether or not the client announces a length: a
 * {@code Content-Length} above it is answered 413 before anything is read, and a chunked or understated body is
 * counted while it is read and stops with {@link RequestTooLarge} the moment it passes the limit. Bulk imports
 * have a larger limit of their own ({@code kiim.web.max-upload-bytes}) than every other request
 * ({@code kiim.web.max-request-bytes}).
 */
class RequestSizeLimit extends OncePerRequestFilter {

    private final WebLimits limits;
    private final ObjectMapper json;

    RequestSizeLimit(WebLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.forPath(request.getRequestURI());
        if (request.getContentLengthLong() > limit) {
            ApiProblemHandler.writeTooLarge(response, json, limit);
            return;
        }
        try {
            chain.doFilter(new Counted(request, limit), response);
        } catch (RequestTooLarge tooLarge) {
            // Read by a filter (e.g. the idempotency fingerprint), where no controller advice answers.
            if (!response.isCommitted()) {
                response.reset();
                ApiProblemHandler.writeTooLarge(response, json, limit);
            }
        }
    }

    /** The request with a body that cannot be read past the limit. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CountingStream(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws RequestTooLarge {
            read += bytes;
            if (read > limit) {
                throw new RequestTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
