-- 建档立卡 households: the registry entry that a household account is linked to. The ID number of
-- the head is personal data (encrypted, found by keyed hash). Issue 4 adds members, causes and import.
CREATE TABLE household (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_number text NOT NULL,
    region_code      text NOT NULL REFERENCES region (code),
    head_name        text NOT NULL,
    head_id_hash     bytea NOT NULL,
    head_id_cipher   bytea NOT NULL,
    account_id       bigint UNIQUE REFERENCES account (id),
    created_at       timestamptz NOT NULL,
    UNIQUE (household_number)
);
CREATE INDEX household_region_idx ON household (region_code text_pattern_ops);
CREATE INDEX household_head_id_idx ON household (head_id_hash);
