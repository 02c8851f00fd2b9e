-- Offers (我要捐赠): goods or services a donor puts up, with quantity and area; officers ask for them
-- (我想要) for a household's published need; the donor accepts, and that becomes a pledge.
CREATE TABLE offer (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    donor_id        bigint NOT NULL REFERENCES account (id),
    category        text NOT NULL REFERENCES need_category_rule (category),
    title           text NOT NULL,
    description     text NOT NULL,
    item_name       text NOT NULL,
    unit            text NOT NULL,
    quantity        int NOT NULL CHECK (quantity > 0),
    remaining       int NOT NULL CHECK (remaining BETWEEN 0 AND quantity),
    region_prefixes text[] NOT NULL,
    open            boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL
);
CREATE INDEX offer_open_idx ON offer (category, created_at DESC) WHERE open;

CREATE TABLE offer_request (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    offer_id     bigint NOT NULL REFERENCES offer (id),
    need_id      bigint NOT NULL REFERENCES need (id),
    position     int NOT NULL,
    quantity     int NOT NULL CHECK (quantity > 0),
    region_code  text NOT NULL,
    requested_by bigint NOT NULL REFERENCES account (id),
    state        text NOT NULL CHECK (state IN ('REQUESTED', 'ACCEPTED', 'DECLINED')),
    pledge_id    bigint REFERENCES pledge (id),
    requested_at timestamptz NOT NULL,
    decided_at   timestamptz,
    UNIQUE (offer_id, need_id, position)
);
CREATE INDEX offer_request_offer_idx ON offer_request (offer_id, state);
