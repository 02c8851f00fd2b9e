-- Points for the assessment (考核奖励, issue 15): one row per event that earned or cost an officer points.
-- Append-only: a wrong award is corrected by a new row, never by an update. The unique key makes an event that is
-- handed out twice (the publication registry retries a listener) count once.
CREATE TABLE assessment_point (
    id          bigserial PRIMARY KEY,
    account_id  bigint      NOT NULL,
    role        text        NOT NULL,             -- the staff role the account earned it in (its level in the rankings)
    region_code text        NOT NULL,             -- the account's station (its grant's region) at the time
    kind        text        NOT NULL,
    points      integer     NOT NULL,
    need_id     bigint      NOT NULL,
    ref         text        NOT NULL DEFAULT '', -- what tells two events of one kind on one need apart (a pledge, a rejection's time)
    at          timestamptz NOT NULL,             -- when the event happened (the period it counts in)
    recorded_at timestamptz NOT NULL,
    CONSTRAINT assessment_point_once UNIQUE (account_id, kind, need_id, ref)
);

CREATE INDEX assessment_point_region ON assessment_point (region_code text_pattern_ops, role, at);

CREATE FUNCTION assessment_point_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'assessment_point is append-only';
END $$;

CREATE TRIGGER assessment_point_append_only BEFORE UPDATE OR DELETE ON assessment_point
    FOR EACH ROW EXECUTE FUNCTION assessment_point_append_only();
