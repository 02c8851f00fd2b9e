-- Social organisations and alliances (社会扶贫联盟, 协会) with their members, and the image ambassadors' share links
-- with their visits and the accounts they brought (issue 17, docs/mobilisation.md).

CREATE TABLE social_organisation (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('ALLIANCE', 'ASSOCIATION', 'OTHER')),
    -- the county (6 digits) that approves it and whose page lists it
    region_code    text NOT NULL,
    credit_code    text NOT NULL UNIQUE,
    contact        text NOT NULL,
    introduction   text NOT NULL,
    state          text NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    founder_id     bigint NOT NULL REFERENCES account (id),
    -- the organisation's own donor account (the founder's when it registered as this organisation): all its help counts
    own_account_id bigint REFERENCES account (id),
    created_at     timestamptz NOT NULL,
    decided_at     timestamptz,
    decided_by     bigint REFERENCES account (id),
    reject_reason  text
);
CREATE INDEX social_organisation_region_idx ON social_organisation (region_code text_pattern_ops, state);

-- One membership of a donor account: a second joining after leaving is a new row, so each row is one period.
CREATE TABLE organisation_member (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES social_organisation (id),
    account_id      bigint NOT NULL REFERENCES account (id),
    state           text NOT NULL CHECK (state IN ('APPLIED', 'INVITED', 'ACTIVE', 'LEFT')),
    administrator   boolean NOT NULL DEFAULT false,
    requested_at    timestamptz NOT NULL,
    joined_at       timestamptz,
    left_at         timestamptz,
    CHECK ((state IN ('ACTIVE', 'LEFT')) = (joined_at IS NOT NULL)),
    CHECK ((state = 'LEFT') = (left_at IS NOT NULL))
);
CREATE UNIQUE INDEX organisation_member_open_idx ON organisation_member (organisation_id, account_id) WHERE state <> 'LEFT';
CREATE INDEX organisation_member_account_idx ON organisation_member (account_id);

CREATE TABLE ambassador_link (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ambassador_id bigint NOT NULL REFERENCES account (id),
    code          text NOT NULL UNIQUE,
    name          text NOT NULL,
    -- where the link leads: the home page, a need's page or the fund's page
    target        text NOT NULL CHECK (target IN ('HOME', 'NEED', 'FUND')),
    need_id       bigint,
    created_at    timestamptz NOT NULL,
    ended_at      timestamptz,
    CHECK ((target = 'NEED') = (need_id IS NOT NULL))
);
CREATE INDEX ambassador_link_ambassador_idx ON ambassador_link (ambassador_id, id);

-- A visit counts once per browser session: the key is a hash of the session's id, never the id itself.
CREATE TABLE ambassador_visit (
    link_id     bigint NOT NULL REFERENCES ambassador_link (id),
    session_key text NOT NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (link_id, session_key)
);

-- The accounts a link brought: an account registers once, so it is reached by one link at most.
CREATE TABLE ambassador_reach (
    account_id    bigint PRIMARY KEY REFERENCES account (id),
    link_id       bigint NOT NULL REFERENCES ambassador_link (id),
    registered_at timestamptz NOT NULL
);
CREATE INDEX ambassador_reach_link_idx ON ambassador_reach (link_id);
