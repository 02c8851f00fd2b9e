-- Training (issue 17): every quiz attempt of the guide for officers and managers, and the completion of each
-- account (its first passed attempt; a later pass does not move the date).
CREATE TABLE training_attempt (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES account (id),
    at           timestamptz NOT NULL,
    correct      int NOT NULL CHECK (correct >= 0),
    total        int NOT NULL CHECK (total > 0 AND correct <= total),
    score        int NOT NULL CHECK (score BETWEEN 0 AND 100),
    passed       boolean NOT NULL,
    answers      text NOT NULL
);
CREATE INDEX training_attempt_account_idx ON training_attempt (account_id, at);

CREATE TABLE training_completion (
    account_id    bigint PRIMARY KEY REFERENCES account (id),
    attempt_id    bigint NOT NULL REFERENCES training_attempt (id),
    completed_at  timestamptz NOT NULL,
    score         int NOT NULL
);
