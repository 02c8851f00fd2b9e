-- Offline collection (issue 18, docs/offline.md): one row per draft an officer drafted on the phone and sent, so that
-- a draft sent twice makes one need. The draft key is a UUID made on the phone: unique on its own, so the same key
-- from another account is seen (409) and two parallel sends of one draft meet on this index (the second waits for the
-- first to commit, then finds its row). The row is written in the transaction that makes the need: a refused draft
-- leaves no row.
CREATE TABLE offline_submission (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_key    uuid NOT NULL UNIQUE,
    account_id   bigint NOT NULL,
    household_id bigint NOT NULL,
    region_code  text,
    need_id      bigint,
    need_state   text,
    drafted_at   timestamptz NOT NULL,
    received_at  timestamptz NOT NULL
);
CREATE INDEX offline_submission_account_idx ON offline_submission (account_id, received_at);
