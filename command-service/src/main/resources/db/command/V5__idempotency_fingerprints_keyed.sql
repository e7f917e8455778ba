-- Idempotency fingerprints are now HMAC-SHA-256 under a deployment key of their own (purpose
-- 'idempotency-fingerprint' in key_store.deployment_key) instead of an unkeyed SHA-256 of method, path and body,
-- which a database dump could test guessed names, birth dates and AZR numbers against. The rows from before carry
-- the guessable digest and would no longer match their requests: they go. Their answers live a day anyway; a
-- request resent across the upgrade is treated as new.
delete from command.idempotent_request;
