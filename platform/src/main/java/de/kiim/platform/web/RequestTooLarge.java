package de.kiim.platform.web;

import java.io.IOException;
import java.util.Optional;

/**
 * A request body went past its limit while it was read (chunked, or longer than its Content-Length said). An
 * {@link IOException}, so that every reader of the body — Jackson, the CSV parser, a line reader — stops at once;
 * {@link ApiProblemHandler} answers 413 wherever it surfaces.
 */
public final class RequestTooLarge extends IOException {

    private final long limit;

    RequestTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The {@link RequestTooLarge} somewhere in the causes of {@code failure}, if any. */
    public static Optional<RequestTooLarge> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLarge tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
