-- The needs' read models for dashboards and quotas (issue 15), kept as needs change so that a dashboard never reads
-- the needs. Like need_state_count (V18): statement-level triggers append delta rows, nobody updates a shared counter
-- row (concurrent pledges never wait on one another), and NeedRollups folds the deltas together every minute.

-- Which station's work a need is: the region code of its poster's most specific staff grant covering the need
-- (a village officer's village, a township manager's township); null for a household's or a donor's own post.
ALTER TABLE need ADD COLUMN reporting_unit text;
-- Whether a pledge of staff within their own scope has arrived for it: the matching rate counts such needs apart.
ALTER TABLE need ADD COLUMN staff_met boolean NOT NULL DEFAULT false;

UPDATE need n SET reporting_unit = (
    SELECT g.region_code FROM role_grant g
    WHERE g.account_id = n.poster_id AND g.revoked_at IS NULL AND g.region_code IS NOT NULL
      AND g.role IN ('CITY_ADMIN', 'COUNTY_ADMIN', 'TOWNSHIP_MANAGER', 'VILLAGE_OFFICER')
      AND n.region_code LIKE g.region_code || '%'
    ORDER BY length(g.region_code) DESC LIMIT 1);
UPDATE need n SET staff_met = true
WHERE EXISTS (SELECT 1 FROM pledge p WHERE p.need_id = n.id AND p.state = 'RECEIVED' AND p.staff_in_scope);

-- Needs per region (every level at and above the need's own code; '' is the whole installation), month of
-- verification (null: never verified), category, state and whether staff met it: counts and values.
CREATE TABLE need_rollup (
    region_code    text NOT NULL,
    verified_month date,
    category       text NOT NULL,
    state          text NOT NULL,
    staff_met      boolean NOT NULL,
    n              bigint NOT NULL,
    value_fen      bigint NOT NULL,
    -- a delta row of a trigger, not folded yet: folding looks only at the keys these touch
    delta          boolean NOT NULL DEFAULT true
);
CREATE INDEX need_rollup_region_idx ON need_rollup (region_code, verified_month);
CREATE INDEX need_rollup_delta_idx ON need_rollup (region_code) WHERE delta;

-- A reporting unit's reports: needs collected (created) on a day, of a category, submitted on a day and not rejected.
CREATE TABLE need_unit_report (
    reporting_unit text NOT NULL,
    collected_on   date NOT NULL,
    category       text NOT NULL,
    submitted_on   date NOT NULL,
    n              bigint NOT NULL,
    delta          boolean NOT NULL DEFAULT true
);
CREATE INDEX need_unit_report_unit_idx ON need_unit_report (reporting_unit text_pattern_ops, collected_on);
CREATE INDEX need_unit_report_delta_idx ON need_unit_report (reporting_unit) WHERE delta;

CREATE FUNCTION need_month(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS
$$ SELECT date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date $$;
CREATE FUNCTION need_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS
$$ SELECT (at AT TIME ZONE 'Asia/Shanghai')::date $$;

-- The rows leaving (old) count -1, the rows arriving (new) +1, in one statement per operation (a data-modifying CTE
-- writes both read models). An update looks only at rows whose counted columns changed, so a pledge's change of
-- quantities costs a join and writes nothing.
CREATE FUNCTION need_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
    WITH d AS (SELECT id, region_code, verified_at, category, state, staff_met, total_value_fen, reporting_unit, created_at, submitted_at, 1 AS sign FROM new_rows),
    a AS (
        INSERT INTO need_rollup (region_code, verified_month, category, state, staff_met, n, value_fen)
        SELECT left(d.region_code, l.len), need_month(d.verified_at), d.category, d.state, d.staff_met, sum(d.sign),
               sum(d.sign * d.total_value_fen)
        FROM d CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
        WHERE length(d.region_code) >= l.len
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(d.sign) <> 0 OR sum(d.sign * d.total_value_fen) <> 0)
    INSERT INTO need_unit_report (reporting_unit, collected_on, category, submitted_on, n)
    SELECT d.reporting_unit, need_day(d.created_at), d.category, need_day(d.submitted_at), sum(d.sign)
    FROM d
    WHERE d.reporting_unit IS NOT NULL AND d.submitted_at IS NOT NULL AND d.state NOT IN ('DRAFT', 'REJECTED')
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.sign) <> 0;
    ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (SELECT id, region_code, verified_at, category, state, staff_met, total_value_fen, reporting_unit, created_at, submitted_at, -1 AS sign FROM old_rows),
    a AS (
        INSERT INTO need_rollup (region_code, verified_month, category, state, staff_met, n, value_fen)
        SELECT left(d.region_code, l.len), need_month(d.verified_at), d.category, d.state, d.staff_met, sum(d.sign),
               sum(d.sign * d.total_value_fen)
        FROM d CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
        WHERE length(d.region_code) >= l.len
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(d.sign) <> 0 OR sum(d.sign * d.total_value_fen) <> 0)
    INSERT INTO need_unit_report (reporting_unit, collected_on, category, submitted_on, n)
    SELECT d.reporting_unit, need_day(d.created_at), d.category, need_day(d.submitted_at), sum(d.sign)
    FROM d
    WHERE d.reporting_unit IS NOT NULL AND d.submitted_at IS NOT NULL AND d.state NOT IN ('DRAFT', 'REJECTED')
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.sign) <> 0;
    ELSE
    WITH d AS (
        SELECT x.* FROM old_rows o JOIN new_rows w ON w.id = o.id
        CROSS JOIN LATERAL (VALUES
            (o.id, o.region_code, o.verified_at, o.category, o.state, o.staff_met, o.total_value_fen, o.reporting_unit,
             o.created_at, o.submitted_at, -1),
            (w.id, w.region_code, w.verified_at, w.category, w.state, w.staff_met, w.total_value_fen, w.reporting_unit,
             w.created_at, w.submitted_at, 1)) AS x(id, region_code, verified_at, category, state, staff_met, total_value_fen, reporting_unit, created_at, submitted_at, sign)
        WHERE (o.region_code, o.verified_at, o.category, o.state, o.staff_met, o.total_value_fen, o.reporting_unit, o.submitted_at)
              IS DISTINCT FROM
              (w.region_code, w.verified_at, w.category, w.state, w.staff_met, w.total_value_fen, w.reporting_unit, w.submitted_at)),
    a AS (
        INSERT INTO need_rollup (region_code, verified_month, category, state, staff_met, n, value_fen)
        SELECT left(d.region_code, l.len), need_month(d.verified_at), d.category, d.state, d.staff_met, sum(d.sign),
               sum(d.sign * d.total_value_fen)
        FROM d CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
        WHERE length(d.region_code) >= l.len
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(d.sign) <> 0 OR sum(d.sign * d.total_value_fen) <> 0)
    INSERT INTO need_unit_report (reporting_unit, collected_on, category, submitted_on, n)
    SELECT d.reporting_unit, need_day(d.created_at), d.category, need_day(d.submitted_at), sum(d.sign)
    FROM d
    WHERE d.reporting_unit IS NOT NULL AND d.submitted_at IS NOT NULL AND d.state NOT IN ('DRAFT', 'REJECTED')
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.sign) <> 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER need_rollups_insert AFTER INSERT ON need
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION need_rollups_apply();
CREATE TRIGGER need_rollups_update AFTER UPDATE ON need
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION need_rollups_apply();
CREATE TRIGGER need_rollups_delete AFTER DELETE ON need
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION need_rollups_apply();

-- the needs already there
INSERT INTO need_rollup (region_code, verified_month, category, state, staff_met, n, value_fen, delta)
SELECT left(c.region_code, l.len), need_month(c.verified_at), c.category, c.state, c.staff_met, count(*), sum(c.total_value_fen), false
FROM need c CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
WHERE length(c.region_code) >= l.len
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO need_unit_report (reporting_unit, collected_on, category, submitted_on, n, delta)
SELECT reporting_unit, need_day(created_at), category, need_day(submitted_at), count(*), false
FROM need WHERE reporting_unit IS NOT NULL AND submitted_at IS NOT NULL AND state NOT IN ('DRAFT', 'REJECTED')
GROUP BY 1, 2, 3, 4;
