-- In-app notices: what the platform tells an account (a need verified or rejected, a pledge made,
-- lapsed, received …), read on the notices page; the same words also go out by SMS when the account
-- has a phone.
CREATE TABLE notice (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL,
    body       text NOT NULL,
    link       text,
    created_at timestamptz NOT NULL,
    read_at    timestamptz
);
CREATE INDEX notice_account_idx ON notice (account_id, id DESC);
CREATE INDEX notice_unread_idx ON notice (account_id) WHERE read_at IS NULL;
