-- Accounts. Phones and ID numbers are personal data: stored encrypted, found by their keyed hash
-- (DESIGN.md §5). An account registered by an officer for a household may have no phone and no
-- password until the household claims it; an invited staff member has no password until they set one.
CREATE TABLE account (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_hash           bytea UNIQUE,
    phone_cipher         bytea,
    name                 text NOT NULL CHECK (length(name) > 0),
    donor_type           text CHECK (donor_type IN ('INDIVIDUAL', 'ENTERPRISE', 'INSTITUTION', 'SOCIAL_ORG')),
    credit_code          text,
    id_number_hash       bytea UNIQUE,
    id_number_cipher     bytea,
    password_hash        text,
    registered_by        bigint REFERENCES account (id),
    created_at           timestamptz NOT NULL,
    failed_logins        int NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    sessions_valid_after timestamptz,
    CHECK ((phone_hash IS NULL) = (phone_cipher IS NULL)),
    CHECK ((id_number_hash IS NULL) = (id_number_cipher IS NULL))
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

-- SMS verification codes: 6 digits, kept only as a keyed hash, single use, 5 minutes, few tries.
CREATE TABLE sms_code (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_hash  bytea NOT NULL,
    purpose     text NOT NULL CHECK (purpose IN ('REGISTER', 'LOGIN')),
    code_hash   bytea NOT NULL,
    ip          text,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    attempts    int NOT NULL DEFAULT 0
);
CREATE INDEX sms_code_phone_idx ON sms_code (phone_hash, created_at);
CREATE INDEX sms_code_ip_idx ON sms_code (ip, created_at);

-- 操作日志: every write, who/what/when/from where, scoped by the region it concerns.
CREATE TABLE operation_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint REFERENCES account (id),
    action       text NOT NULL,
    target       text,
    region_code  text,
    detail       text,
    ip           text,
    user_agent   text,
    created_at   timestamptz NOT NULL
);
CREATE INDEX operation_log_region_idx ON operation_log (region_code text_pattern_ops, created_at DESC);
CREATE INDEX operation_log_created_idx ON operation_log (created_at DESC);
