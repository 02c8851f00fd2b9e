-- Pledges (认领): a donor's commitment to all or part of a need, item by item. The need's items keep
-- the pledged quantities; a pledge never takes more than remains (need_item's CHECK backs the code).

CREATE TABLE pledge (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id         bigint NOT NULL REFERENCES need (id),
    region_code     text NOT NULL,
    donor_id        bigint NOT NULL REFERENCES account (id),
    state           text NOT NULL CHECK (state IN ('COMMITTED', 'IN_TRANSIT', 'RECEIVED', 'CANCELLED', 'LAPSED')),
    quantity        int NOT NULL CHECK (quantity > 0),
    value_fen       bigint NOT NULL CHECK (value_fen >= 0),
    -- pledged by staff whose own scope contains the need: counted apart in the matching rate
    staff_in_scope  boolean NOT NULL,
    idempotency_key text,
    deadline        timestamptz NOT NULL,
    note            text,
    created_at      timestamptz NOT NULL,
    shipped_at      timestamptz,
    received_at     timestamptz,
    received_by     bigint REFERENCES account (id),
    receipt_photo   text,
    ended_at        timestamptz,
    end_reason      text,
    UNIQUE (donor_id, idempotency_key)
);
CREATE INDEX pledge_need_idx ON pledge (need_id);
CREATE INDEX pledge_donor_idx ON pledge (donor_id, created_at DESC);
CREATE INDEX pledge_region_idx ON pledge (region_code text_pattern_ops, created_at);
CREATE INDEX pledge_open_deadline_idx ON pledge (deadline) WHERE state IN ('COMMITTED', 'IN_TRANSIT');

CREATE TABLE pledge_item (
    pledge_id bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    position  int NOT NULL,
    quantity  int NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (pledge_id, position)
);

CREATE TABLE pledge_transition (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pledge_id  bigint NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    from_state text,
    to_state   text NOT NULL,
    actor_id   bigint REFERENCES account (id),
    reason     text,
    at         timestamptz NOT NULL
);
CREATE INDEX pledge_transition_pledge_idx ON pledge_transition (pledge_id, id);
