-- A repeated Idempotency-Key with another body is refused (422) rather than answered with the first pledge.
ALTER TABLE pledge ADD COLUMN request_fingerprint text;
