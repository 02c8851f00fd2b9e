-- Campaigns (issue #6): staff gather a set of needs and a set of donors with budgets (e.g. the
-- enterprises of a launch ceremony); the allocator proposes who fully funds which need; staff review
-- and send the proposals as pledge invitations; a donor who accepts makes an ordinary pledge.
CREATE TABLE campaign (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text NOT NULL,
    region_code          text NOT NULL REFERENCES region (code),
    categories           text[] NOT NULL,          -- empty: every category
    state                text NOT NULL CHECK (state IN ('DRAFT', 'PROPOSED', 'SENT')),
    created_by           bigint NOT NULL REFERENCES account (id),
    created_at           timestamptz NOT NULL,
    proposed_at          timestamptz,
    candidate_needs      int,                      -- needs the last allocation looked at
    candidate_value_fen  bigint,
    fractional_bound_fen bigint,                   -- the LP bound of the last allocation
    rounding_loss_fen    bigint,                   -- value dropped because units cannot be split
    sent_at              timestamptz,
    respond_by           timestamptz,
    version              int NOT NULL DEFAULT 0
);
CREATE INDEX campaign_region_idx ON campaign (region_code text_pattern_ops, created_at DESC);

CREATE TABLE campaign_donor (
    campaign_id     bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    donor_id        bigint NOT NULL REFERENCES account (id),
    budget_fen      bigint NOT NULL CHECK (budget_fen > 0),
    categories      text[] NOT NULL,               -- empty: any
    region_prefixes text[] NOT NULL,               -- empty: anywhere in the campaign's region
    PRIMARY KEY (campaign_id, donor_id)
);

-- One donor's part of one need: quantities by item position, and their value.
CREATE TABLE campaign_invitation (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    need_id     bigint NOT NULL REFERENCES need (id),
    donor_id    bigint NOT NULL REFERENCES account (id),
    region_code text NOT NULL,
    positions   int[] NOT NULL,
    quantities  int[] NOT NULL CHECK (cardinality(quantities) = cardinality(positions)),
    value_fen   bigint NOT NULL CHECK (value_fen >= 0),
    state       text NOT NULL CHECK (state IN ('PROPOSED', 'DROPPED', 'SENT', 'ACCEPTED', 'DECLINED')),
    pledge_id   bigint REFERENCES pledge (id),
    reason      text,
    decided_at  timestamptz,
    UNIQUE (campaign_id, need_id, donor_id)
);
CREATE INDEX campaign_invitation_donor_idx ON campaign_invitation (donor_id, state);
CREATE INDEX campaign_invitation_need_idx ON campaign_invitation (need_id) WHERE state = 'SENT';
