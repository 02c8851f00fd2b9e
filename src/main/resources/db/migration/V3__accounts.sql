-- Accounts. The phone is personal data: stored encrypted, found by its keyed hash (DESIGN.md §5).
CREATE TABLE account (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_hash    bytea NOT NULL UNIQUE,
    phone_cipher  bytea NOT NULL,
    name          text NOT NULL CHECK (length(name) > 0),
    donor_type    text CHECK (donor_type IN ('INDIVIDUAL', 'ENTERPRISE', 'INSTITUTION', 'SOCIAL_ORG')),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL
);

-- A role held by an account, bound to a region for staff (its scope). Revoked grants stay, for the record.
CREATE TABLE role_grant (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES account (id),
    role        text NOT NULL CHECK (role IN ('CITY_ADMIN', 'COUNTY_ADMIN', 'TOWNSHIP_MANAGER', 'VILLAGE_OFFICER',
                                              'HOUSEHOLD', 'DONOR', 'FUND_STAFF',
                                              'VOLUNTEER', 'EXPERT', 'SUPERVISOR', 'AMBASSADOR')),
    region_code text REFERENCES region (code),
    granted_by  bigint REFERENCES account (id),
    granted_at  timestamptz NOT NULL,
    revoked_by  bigint REFERENCES account (id),
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX role_grant_active_uq ON role_grant (account_id, role, coalesce(region_code, '')) WHERE revoked_at IS NULL;
CREATE INDEX role_grant_region_prefix_idx ON role_grant (region_code text_pattern_ops);

-- Bearer tokens of the JSON API; only their SHA-256 is kept. Revocable and expiring.
CREATE TABLE api_token (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES account (id),
    token_hash  bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX api_token_account_idx ON api_token (account_id);
