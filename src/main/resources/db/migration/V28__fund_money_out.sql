-- Issue 14, money out: the fund's own account (it pledges covered money lines), payees, payments with four eyes and proof,
-- grants from the general pool, goods given to the fund at their declared value.

-- The account the fund pledges as (an organisation named as the fund, no phone, no password: nobody logs in as it).
-- One row; created on first use under an advisory lock (fund.FundAccount).
CREATE TABLE fund_own_account (
    id         int PRIMARY KEY CHECK (id = 1),
    account_id bigint NOT NULL REFERENCES account (id)
);

-- Who the fund pays: a hospital, school, supplier or builder by name; a household's own account only by exception.
CREATE TABLE fund_payee (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('HOSPITAL', 'SCHOOL', 'SUPPLIER', 'BUILDER', 'HOUSEHOLD')),
    bank           text NOT NULL,
    account_number text NOT NULL,
    created_by     bigint NOT NULL,
    created_at     timestamptz NOT NULL
);

-- A payment of a covered money line to a payee: REQUESTED -> APPROVED (a second person above the four-eyes amount)
-- -> PAID (with the bank's transaction number and a proof file).
CREATE TABLE fund_payment (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id            bigint NOT NULL,
    position           int NOT NULL,
    region_code        text NOT NULL,
    payee_id           bigint NOT NULL REFERENCES fund_payee (id),
    amount_fen         bigint NOT NULL CHECK (amount_fen > 0),
    state              text NOT NULL,
    household_reason   text,
    requested_by       bigint NOT NULL,
    requested_at       timestamptz NOT NULL,
    approved_by        bigint,
    approved_at        timestamptz,
    paid_by            bigint,
    paid_at            timestamptz,
    transaction_number text,
    proof_file         text,
    CHECK (state IN ('REQUESTED', 'APPROVED', 'PAID')),
    CHECK ((state = 'REQUESTED') = (approved_by IS NULL)),
    CHECK ((state = 'PAID') = (paid_at IS NOT NULL AND transaction_number IS NOT NULL AND proof_file IS NOT NULL))
);
CREATE INDEX fund_payment_line_idx ON fund_payment (need_id, position);
CREATE INDEX fund_payment_state_idx ON fund_payment (state, id);

-- A grant from the general pool to a money line, with who granted it and when.
CREATE TABLE fund_grant (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id     bigint NOT NULL,
    position    int NOT NULL,
    region_code text NOT NULL,
    amount_fen  bigint NOT NULL CHECK (amount_fen > 0),
    granted_by  bigint NOT NULL,
    granted_at  timestamptz NOT NULL
);
CREATE INDEX fund_grant_line_idx ON fund_grant (need_id, position);

-- Goods given to the fund, at the value the donor declared, with a receipt number; handed on once.
CREATE TABLE fund_goods_gift (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    receipt_number text NOT NULL UNIQUE,
    donor_id       bigint,
    shown_as       text NOT NULL,
    description    text NOT NULL,
    value_fen      bigint NOT NULL CHECK (value_fen > 0),
    recorded_by    bigint NOT NULL,
    recorded_at    timestamptz NOT NULL,
    granted_to     text,
    granted_by     bigint,
    granted_at     timestamptz
);
