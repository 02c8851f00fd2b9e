-- A flag has consequences (issue 16): the verifier's written reason to publish a flagged need, and for a grave flag a
-- second approval at a higher level. One row per approval and level (DHIS2 style); the flags as they were when approved.
CREATE TABLE need_flag_approval (
    id           bigserial PRIMARY KEY,
    need_id      bigint NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    submission   integer NOT NULL,          -- which submission of the need it approved: a resubmission leaves it behind
    level        text NOT NULL,             -- TOWNSHIP, COUNTY, CITY
    approver_id  bigint NOT NULL REFERENCES account (id),
    region_code  text NOT NULL REFERENCES region (code),  -- the approver's station or office
    reason       text NOT NULL,
    flags        text NOT NULL,             -- rule and details per line, as need_flag held them
    severity     integer NOT NULL,
    published    boolean NOT NULL,          -- this approval published the need (else it waited for a higher level)
    at           timestamptz NOT NULL
);
CREATE INDEX need_flag_approval_need ON need_flag_approval (need_id, submission);
