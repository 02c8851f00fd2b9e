-- The teams (issue 17, docs/mobilisation.md "## Teams"): applications to be a volunteer, expert or ambassador, approved by
-- the county or the city; volunteer tasks with sign-ups and confirmed hours; experts' advice on needs.
CREATE TABLE team_application (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint NOT NULL REFERENCES account (id),
    role          text NOT NULL CHECK (role IN ('VOLUNTEER', 'EXPERT', 'AMBASSADOR')),
    area_code     text NOT NULL REFERENCES region (code),
    skills        text NOT NULL CHECK (length(skills) BETWEEN 1 AND 1000),
    availability  text NOT NULL CHECK (length(availability) BETWEEN 1 AND 200),
    fields        text[] NOT NULL DEFAULT '{}',
    state         text NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    reason        text,
    decided_by    bigint REFERENCES account (id),
    decided_at    timestamptz,
    created_at    timestamptz NOT NULL
);
-- one pending application per account and role
CREATE UNIQUE INDEX team_application_pending_idx ON team_application (account_id, role) WHERE state = 'PENDING';
CREATE INDEX team_application_area_idx ON team_application (area_code text_pattern_ops, state);

CREATE TABLE volunteer_task (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('DELIVERY', 'VISIT')),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    description     text NOT NULL CHECK (length(description) <= 1000),
    region_code     text NOT NULL REFERENCES region (code),
    starts_at       timestamptz NOT NULL,
    estimated_hours numeric(4, 1) NOT NULL CHECK (estimated_hours > 0),
    wanted          int NOT NULL CHECK (wanted BETWEEN 1 AND 50),
    need_id         bigint REFERENCES need (id),
    posted_by       bigint NOT NULL REFERENCES account (id),
    posted_at       timestamptz NOT NULL
);
CREATE INDEX volunteer_task_region_idx ON volunteer_task (region_code text_pattern_ops, starts_at);

CREATE TABLE volunteer_signup (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id       bigint NOT NULL REFERENCES volunteer_task (id),
    account_id    bigint NOT NULL REFERENCES account (id),
    signed_up_at  timestamptz NOT NULL,
    withdrawn_at  timestamptz,
    hours         numeric(4, 1) CHECK (hours BETWEEN 0.5 AND 12),
    confirmed_by  bigint REFERENCES account (id),
    confirmed_at  timestamptz
);
CREATE UNIQUE INDEX volunteer_signup_once_idx ON volunteer_signup (task_id, account_id) WHERE withdrawn_at IS NULL;
CREATE INDEX volunteer_signup_account_idx ON volunteer_signup (account_id);

CREATE TABLE expert_advice (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id      bigint NOT NULL REFERENCES need (id),
    region_code  text NOT NULL,
    field        text NOT NULL CHECK (field IN ('MEDICAL', 'SCHOOLING', 'FARMING', 'HOUSING', 'ELDER_CARE', 'OTHER')),
    question     text NOT NULL CHECK (length(question) BETWEEN 1 AND 1000),
    asked_by     bigint NOT NULL REFERENCES account (id),
    asked_at     timestamptz NOT NULL,
    answer       text CHECK (length(answer) <= 2000),
    answered_by  bigint REFERENCES account (id),
    answered_at  timestamptz
);
CREATE INDEX expert_advice_need_idx ON expert_advice (need_id);
CREATE INDEX expert_advice_region_idx ON expert_advice (region_code text_pattern_ops, field);
