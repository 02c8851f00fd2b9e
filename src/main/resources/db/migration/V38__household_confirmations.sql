-- The household's own word (issue 16): a need posted on a household's behalf is confirmed by the household before it
-- can be verified: in its own account, with an SMS code sent to its phone on record, or by a photographed signed or
-- thumb-printed form. A confirmation confirms what was posted: it carries the fingerprint of the need's content, and
-- one given for other content (edited after a rejection) no longer counts.
CREATE TABLE need_confirmation (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id      bigint NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    route        text NOT NULL CHECK (route IN ('ACCOUNT', 'SMS', 'FORM')),
    fingerprint  text NOT NULL,
    -- who recorded it: the household's own account (ACCOUNT) or the officer who typed the code or uploaded the form
    recorded_by  bigint NOT NULL REFERENCES account (id),
    confirmed_at timestamptz NOT NULL,
    -- FORM: the photo of the form, re-encoded like a need's photos (display size and thumbnail under the data directory)
    form_width   int,
    form_height  int,
    UNIQUE (need_id, fingerprint)
);
CREATE INDEX need_confirmation_need_idx ON need_confirmation (need_id, id);

-- Codes sent to the household's phone: 6 digits, kept only as a keyed hash, 10 minutes, 5 tries, single use.
CREATE TABLE need_confirmation_code (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id     bigint NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    fingerprint text NOT NULL,
    code_hash   bytea NOT NULL,
    sent_by     bigint NOT NULL REFERENCES account (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    int NOT NULL DEFAULT 0,
    used_at     timestamptz
);
CREATE INDEX need_confirmation_code_need_idx ON need_confirmation_code (need_id, created_at DESC);

-- "This is not what I asked for": the household's own account disputes the content as posted; the poster is told, and
-- the need cannot be verified with this content.
CREATE TABLE need_confirmation_dispute (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id     bigint NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    fingerprint text NOT NULL,
    note        text,
    disputed_by bigint NOT NULL REFERENCES account (id),
    disputed_at timestamptz NOT NULL
);
CREATE INDEX need_confirmation_dispute_need_idx ON need_confirmation_dispute (need_id, fingerprint);
