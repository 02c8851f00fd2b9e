-- Issue 14, money in: bank statements, the receipts on them, and payments notified by a payment gateway.

-- One imported statement file. file_sha256 is unique: the same file imported twice changes nothing.
-- closing_balance_fen: the 余额 of its last row, or entered by fund staff; the reconciliation compares it with the ledger.
CREATE TABLE fund_statement (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_sha256          text NOT NULL UNIQUE,
    file_name            text,
    layout               text NOT NULL,
    imported_by          bigint NOT NULL,
    imported_at          timestamptz NOT NULL,
    rows                 int NOT NULL,
    matched              int NOT NULL,
    unmatched            int NOT NULL,
    duplicates           int NOT NULL,
    debits               int NOT NULL,
    first_date           date,
    last_date            date,
    closing_balance_fen  bigint,
    closing_entered_by   bigint,
    closing_entered_at   timestamptz
);

-- One row of a statement (credits and debits alike; amount_fen signed: + money in, − money out). fingerprint is unique over
-- date|amount|counter-account|summary|occurrence-within-file, so overlapping statements never count a row twice.
-- state: MATCHED (a gift's money), UNMATCHED (waits for review, reason says why), POOLED (taken into the general pool by
-- staff), DEBIT (money out, kept for the reconciliation). ledger_seq: the ledger entry that recorded its money.
CREATE TABLE fund_bank_receipt (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    statement_id          bigint NOT NULL REFERENCES fund_statement (id),
    line                  int NOT NULL,
    fingerprint           text NOT NULL UNIQUE,
    booked_at             timestamptz NOT NULL,
    amount_fen            bigint NOT NULL CHECK (amount_fen <> 0),
    counterparty_name     text,
    counterparty_account  text,
    summary               text,
    balance_fen           bigint,
    reference_code        text,
    state                 text NOT NULL CHECK (state IN ('MATCHED', 'UNMATCHED', 'POOLED', 'DEBIT')),
    reason                text,
    gift_id               bigint REFERENCES fund_gift (id),
    ledger_seq            bigint,
    resolved_by           bigint,
    resolved_at           timestamptz,
    resolution_note       text,
    created_at            timestamptz NOT NULL,
    CHECK ((state = 'DEBIT') = (amount_fen < 0))
);
CREATE INDEX fund_bank_receipt_state_idx ON fund_bank_receipt (state, id);
CREATE INDEX fund_bank_receipt_statement_idx ON fund_bank_receipt (statement_id, line);

-- A payment gateway's notification that a gift was paid online, kept once per notification id (a duplicate is answered
-- as before and changes nothing).
CREATE TABLE fund_gateway_payment (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gateway          text NOT NULL,
    notification_id  text NOT NULL UNIQUE,
    body_sha256      text NOT NULL,
    reference_code   text NOT NULL,
    amount_fen       bigint NOT NULL,
    paid_at          timestamptz NOT NULL,
    gift_id          bigint NOT NULL REFERENCES fund_gift (id),
    ledger_seq       bigint NOT NULL,
    received_at      timestamptz NOT NULL
);
