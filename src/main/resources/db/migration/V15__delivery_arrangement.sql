-- Delivery arrangement of a pledge (field trial): where the village information point is, and the
-- messages between the pledge's donor, the village officer and the household.

-- The street address of a station (村部 / 服务站), told to the donors who deliver there.
ALTER TABLE station ADD COLUMN address text CHECK (length(address) <= 200);

-- One message of a pledge's thread; the thread is read in id order.
CREATE TABLE pledge_message (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pledge_id       bigint NOT NULL REFERENCES pledge (id),
    region_code     text NOT NULL,
    author_id       bigint NOT NULL REFERENCES account (id),
    -- what the author was to the pledge when writing: DONOR, HOUSEHOLD or STAFF
    author_role     text NOT NULL CHECK (author_role IN ('DONOR', 'HOUSEHOLD', 'STAFF')),
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 500),
    idempotency_key text,
    created_at      timestamptz NOT NULL,
    UNIQUE (author_id, idempotency_key)
);
CREATE INDEX pledge_message_pledge_idx ON pledge_message (pledge_id, id);
