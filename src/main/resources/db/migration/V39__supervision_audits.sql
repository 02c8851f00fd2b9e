-- Supervision (督查, issue 16): random samples of published needs, drawn with a recorded seed, and one finding per
-- sampled need from a visit, with its photos as evidence.
CREATE TABLE audit_sample (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code      text NOT NULL REFERENCES region (code),
    origin           text NOT NULL CHECK (origin IN ('RANDOM', 'REPORT')),
    seed             bigint NOT NULL,
    size             int NOT NULL CHECK (size > 0),
    population_size  int NOT NULL CHECK (population_size >= size),
    category         text,
    poster_id        bigint REFERENCES account (id),
    flag_rule        text,
    report_id        bigint,
    drawn_by         bigint NOT NULL REFERENCES account (id),
    drawn_at         timestamptz NOT NULL
);
CREATE INDEX audit_sample_region_idx ON audit_sample (region_code text_pattern_ops, drawn_at);

CREATE TABLE audit_sample_need (
    sample_id    bigint NOT NULL REFERENCES audit_sample (id),
    position     int NOT NULL,
    need_id      bigint NOT NULL REFERENCES need (id),
    region_code  text NOT NULL,
    PRIMARY KEY (sample_id, position),
    UNIQUE (sample_id, need_id)
);
CREATE INDEX audit_sample_need_need_idx ON audit_sample_need (need_id);

CREATE TABLE audit_finding (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sample_id    bigint NOT NULL,
    need_id      bigint NOT NULL,
    region_code  text NOT NULL,
    outcome      text NOT NULL CHECK (outcome IN ('TRUE', 'FALSE', 'PROBLEM')),
    note         text NOT NULL CHECK (length(note) > 0),
    visited_on   date NOT NULL,
    photos       int NOT NULL CHECK (photos > 0),
    poster_id    bigint NOT NULL,
    found_by     bigint NOT NULL REFERENCES account (id),
    found_at     timestamptz NOT NULL,
    UNIQUE (sample_id, need_id),
    FOREIGN KEY (sample_id, need_id) REFERENCES audit_sample_need (sample_id, need_id)
);
CREATE INDEX audit_finding_region_idx ON audit_finding (region_code text_pattern_ops, found_at);

-- the latest finding on a need, kept by the need module from NeedAudited so its public page can say it was checked
ALTER TABLE need ADD COLUMN audited_at timestamptz, ADD COLUMN audit_outcome text;
