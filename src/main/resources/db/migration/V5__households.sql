-- 建档立卡: the registry of poor households and their members, as county centers import it.
-- ID numbers and phones are personal data: encrypted, found by keyed hash (DESIGN.md §5). Every
-- row carries its village's code, for scope queries and for distribution by county code (§6).

CREATE TABLE household (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_number text NOT NULL UNIQUE,
    region_code      text NOT NULL REFERENCES region (code),
    head_name        text NOT NULL,
    head_id_hash     bytea NOT NULL,
    head_id_cipher   bytea NOT NULL,
    member_count     int NOT NULL DEFAULT 1,
    poverty_cause    text CHECK (poverty_cause IN ('ILLNESS', 'DISABILITY', 'SCHOOLING', 'DISASTER', 'LACK_OF_LAND', 'LACK_OF_WATER',
                                                   'LACK_OF_SKILLS', 'LACK_OF_LABOUR', 'LACK_OF_FUNDS', 'POOR_TRANSPORT',
                                                   'LACK_OF_DRIVE', 'OTHER')),
    household_type   text,
    lifted           boolean NOT NULL DEFAULT false,
    lifted_year      int,
    phone_hash       bytea,
    phone_cipher     bytea,
    account_id       bigint UNIQUE REFERENCES account (id),
    import_id        bigint,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz
);
CREATE INDEX household_region_idx ON household (region_code text_pattern_ops);
CREATE INDEX household_head_id_idx ON household (head_id_hash);

CREATE TABLE household_member (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id  bigint NOT NULL REFERENCES household (id) ON DELETE CASCADE,
    region_code   text NOT NULL,
    member_number text,
    name          text NOT NULL,
    id_hash       bytea NOT NULL UNIQUE,
    id_cipher     bytea NOT NULL,
    relation      text NOT NULL,
    gender        text,
    birth_date    date,
    ethnicity     text,
    education     text,
    schooling     text,
    health        text,
    labor_skill   text,
    work_status   text
);
CREATE INDEX household_member_household_idx ON household_member (household_id);
CREATE INDEX household_member_region_idx ON household_member (region_code text_pattern_ops);

-- 贫困村: the poor-village flag of the registry, per village.
CREATE TABLE poor_village (
    region_code text PRIMARY KEY REFERENCES region (code),
    lifted_year int
);

-- Consent (DESIGN.md §3): a household agrees to needs being posted on its behalf, and/or to its
-- photos being published; how it agreed, when, recorded by whom; revocable, never deleted.
CREATE TABLE consent (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id bigint NOT NULL REFERENCES household (id),
    region_code  text NOT NULL,
    post_on_behalf boolean NOT NULL,
    publish_photos boolean NOT NULL,
    method       text NOT NULL CHECK (method IN ('SIGNED_FORM_PHOTO', 'THUMBPRINT_PHOTO', 'WITNESSED')),
    photo_path   text,
    witness_id   bigint REFERENCES account (id),
    given_on     date NOT NULL,
    recorded_by  bigint NOT NULL REFERENCES account (id),
    recorded_at  timestamptz NOT NULL,
    revoked_by   bigint REFERENCES account (id),
    revoked_at   timestamptz,
    CHECK (post_on_behalf OR publish_photos),
    CHECK (method = 'WITNESSED' OR photo_path IS NOT NULL),
    CHECK (method <> 'WITNESSED' OR witness_id IS NOT NULL)
);
CREATE INDEX consent_household_idx ON consent (household_id);

-- Every view of unmasked personal data (DESIGN.md §5): who saw whose what, when, from where.
CREATE TABLE personal_data_view (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES account (id),
    household_id bigint NOT NULL REFERENCES household (id),
    member_id    bigint REFERENCES household_member (id),
    field        text NOT NULL CHECK (field IN ('ID_NUMBER', 'PHONE')),
    region_code  text NOT NULL,
    ip           text,
    viewed_at    timestamptz NOT NULL
);
CREATE INDEX personal_data_view_region_idx ON personal_data_view (region_code text_pattern_ops, viewed_at DESC);

-- Registry imports: one job per uploaded file, its progress, and the rows it refused.
CREATE TABLE household_import (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id     bigint NOT NULL REFERENCES account (id),
    region_code    text NOT NULL REFERENCES region (code),
    file_name      text NOT NULL,
    status         text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    rows_total     bigint,
    rows_read      bigint NOT NULL DEFAULT 0,
    rows_rejected  bigint NOT NULL DEFAULT 0,
    households     bigint NOT NULL DEFAULT 0,
    members        bigint NOT NULL DEFAULT 0,
    error          text,
    created_at     timestamptz NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz
);
CREATE INDEX household_import_region_idx ON household_import (region_code text_pattern_ops, id DESC);

CREATE TABLE household_import_problem (
    import_id   bigint NOT NULL REFERENCES household_import (id) ON DELETE CASCADE,
    line        int NOT NULL,
    column_name text,
    message     text NOT NULL
);
CREATE INDEX household_import_problem_idx ON household_import_problem (import_id, line);
