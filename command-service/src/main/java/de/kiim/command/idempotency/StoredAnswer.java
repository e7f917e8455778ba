package de.kiim.command.idempotency;

/** The answer given to a keyed request, as stored: replayed when the same request comes again. */
record StoredAnswer(byte[] fingerprint, int status, String location, String etag, String body) {}
