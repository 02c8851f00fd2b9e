-- Failed logins counted per phone (registered or not, so that a locked account answers like an unknown one)
-- and per client address, one row each, updated under its row lock: concurrent attempts cannot all slip in
-- before the lock applies, and every node shares the counts.
CREATE TABLE login_throttle (
    key          text PRIMARY KEY,
    failures     int NOT NULL,
    window_start timestamptz NOT NULL,
    locked_until timestamptz
);

-- One account per enterprise (or agency, or social organisation): its unified social credit code.
CREATE UNIQUE INDEX account_credit_code_key ON account (credit_code) WHERE credit_code IS NOT NULL;
