-- Issue 14: money lines on needs and gifts through the charity fund.

-- A money line (medical fees, tuition, a repair paid to a builder) is one sum raised through the fund from gifts of any
-- share; goods pledges never take it.
ALTER TABLE need_item ADD COLUMN money boolean NOT NULL DEFAULT false;

-- The signed sum of each ledger account's lines, kept by the post that adds a line (under the account's row lock), so a
-- post reads one row instead of summing the account's history. The lines stay the truth; verification re-adds them.
ALTER TABLE fund_ledger_account ADD COLUMN sum_fen bigint NOT NULL DEFAULT 0;
UPDATE fund_ledger_account a SET sum_fen = coalesce((SELECT sum(amount) FROM fund_ledger_line l WHERE l.account_id = a.id), 0);

-- A gift through the fund: to one money line of a need (need_id, position) or to the general pool (need_id NULL).
-- shown_as is how the donor chose to appear in public (a name, a masked name or 爱心人士); if_unfunded what happens to
-- the money if the need is withdrawn or expires before the line is covered.
CREATE TABLE fund_gift (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference_code  text NOT NULL UNIQUE,
    donor_id        bigint NOT NULL REFERENCES account (id),
    shown_as        text NOT NULL,
    need_id         bigint,
    position        int,
    region_code     text,
    category        text,
    amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
    if_unfunded     text NOT NULL CHECK (if_unfunded IN ('REFUND', 'POOL')),
    state           text NOT NULL,
    receipt_number  text UNIQUE,
    idempotency_key text,
    created_at      timestamptz NOT NULL,
    received_at     timestamptz,
    ended_at        timestamptz,
    ended_reason    text,
    CHECK ((need_id IS NULL) = (position IS NULL)),
    UNIQUE (donor_id, idempotency_key)
);
CREATE INDEX fund_gift_line_idx ON fund_gift (need_id, position) WHERE need_id IS NOT NULL;
CREATE INDEX fund_gift_donor_idx ON fund_gift (donor_id, id);
CREATE INDEX fund_gift_promised_idx ON fund_gift (created_at) WHERE state = 'PROMISED';

-- What a money line has been promised and received, the row every gift to it locks: promised + received never exceed
-- the line's target. pledge_id: the fund's pledge of the line once the money received covers it.
CREATE TABLE fund_money_line (
    need_id      bigint NOT NULL,
    position     int NOT NULL,
    region_code  text NOT NULL,
    category     text NOT NULL,
    target_fen   bigint NOT NULL CHECK (target_fen > 0),
    promised_fen bigint NOT NULL DEFAULT 0 CHECK (promised_fen >= 0),
    received_fen bigint NOT NULL DEFAULT 0 CHECK (received_fen >= 0),
    pledge_id    bigint,
    CHECK (promised_fen + received_fen <= target_fen),
    PRIMARY KEY (need_id, position)
);

-- Donation receipt numbers (捐赠票据号) run per year without gaps.
CREATE TABLE fund_receipt_counter (
    year int PRIMARY KEY,
    last int NOT NULL
);
