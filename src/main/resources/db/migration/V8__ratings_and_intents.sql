-- Ratings and thanks: the household (or its officer) rates the help of a received pledge once and
-- may thank the donor; the donor may leave feedback once. Both show on the need's page (masked).
CREATE TABLE pledge_rating (
    pledge_id  bigint PRIMARY KEY REFERENCES pledge (id),
    stars      smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
    thanks     text,
    rated_by   bigint NOT NULL REFERENCES account (id),
    rated_at   timestamptz NOT NULL
);

CREATE TABLE pledge_feedback (
    pledge_id  bigint PRIMARY KEY REFERENCES pledge (id),
    text       text NOT NULL,
    written_at timestamptz NOT NULL
);

-- 帮扶意愿: what a donor wants to help with — categories, regions (code prefixes), a budget, one-off
-- or monthly. Empty arrays mean "any".
CREATE TABLE donor_intent (
    account_id      bigint PRIMARY KEY REFERENCES account (id),
    categories      text[] NOT NULL,
    region_prefixes text[] NOT NULL,
    budget_fen      bigint NOT NULL CHECK (budget_fen > 0),
    monthly         boolean NOT NULL,
    updated_at      timestamptz NOT NULL
);
