-- The fund's ledger core (issue 14, first slice): double-entry, append-only, hash-chained.
CREATE TABLE fund_ledger_account (
    id         bigserial PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9_.-]+$'),
    kind       text NOT NULL,
    created_at timestamptz NOT NULL
);

-- seq is gap-free: assigned under a transaction-level advisory lock as last seq + 1.
CREATE TABLE fund_ledger_entry (
    seq           bigint PRIMARY KEY CHECK (seq > 0),
    kind          text NOT NULL,
    memo          text NOT NULL,
    posted_at     timestamptz NOT NULL,
    previous_hash char(64) NOT NULL,
    hash          char(64) NOT NULL UNIQUE
);

-- ON UPDATE CASCADE only matters when the trigger is disabled (tests that tamper on purpose).
CREATE TABLE fund_ledger_line (
    entry_seq  bigint NOT NULL REFERENCES fund_ledger_entry (seq) ON UPDATE CASCADE,
    account_id bigint NOT NULL REFERENCES fund_ledger_account (id),
    amount     bigint NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (entry_seq, account_id)
);
CREATE INDEX fund_ledger_line_account ON fund_ledger_line (account_id);

CREATE FUNCTION fund_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'fund ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER fund_ledger_entry_append_only BEFORE UPDATE OR DELETE ON fund_ledger_entry
    FOR EACH ROW EXECUTE FUNCTION fund_ledger_append_only();
CREATE TRIGGER fund_ledger_entry_no_truncate BEFORE TRUNCATE ON fund_ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_append_only();
CREATE TRIGGER fund_ledger_line_append_only BEFORE UPDATE OR DELETE ON fund_ledger_line
    FOR EACH ROW EXECUTE FUNCTION fund_ledger_append_only();
CREATE TRIGGER fund_ledger_line_no_truncate BEFORE TRUNCATE ON fund_ledger_line
    FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_append_only();
