-- Every SMS the platform sends, recorded before it is handed to the gateway (the outbox): the
-- local gateway only records, a real provider's adapter delivers and marks the row.
CREATE TABLE sms_message (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_hash    bytea NOT NULL,
    phone_cipher  bytea NOT NULL,
    body          text NOT NULL,
    status        text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    provider      text,
    attempts      int NOT NULL DEFAULT 0,
    last_error    text,
    created_at    timestamptz NOT NULL,
    sent_at       timestamptz
);
CREATE INDEX sms_message_phone_idx ON sms_message (phone_hash, created_at DESC);
CREATE INDEX sms_message_pending_idx ON sms_message (id) WHERE status = 'PENDING';
