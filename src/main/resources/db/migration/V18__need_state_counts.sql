-- How many needs of a region are in each state, for region pages and the home page (issue "field trial",
-- donor paths). Counting them from `need` reads every need of the region (a million for a province), so
-- the counts are kept as they change: a statement-level trigger appends one delta row per (region of
-- every level above and at the need's own code, state) the statement changed — no row is ever updated,
-- so concurrent pledges and workflow changes never wait on (or deadlock over) a shared counter row.
-- NeedFigures sums a region's rows (an index lookup) and folds them together every minute.
-- region_code '' is the whole installation (a national deployment's root).
CREATE TABLE need_state_count (
    region_code text NOT NULL,
    state       text NOT NULL,
    n           bigint NOT NULL
);
CREATE INDEX need_state_count_region_idx ON need_state_count (region_code);

CREATE FUNCTION need_state_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO need_state_count (region_code, state, n)
        SELECT left(c.region_code, l.len), c.state, count(*)
        FROM new_rows c CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
        WHERE length(c.region_code) >= l.len
        GROUP BY 1, 2;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO need_state_count (region_code, state, n)
        SELECT left(c.region_code, l.len), c.state, -count(*)
        FROM old_rows c CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
        WHERE length(c.region_code) >= l.len
        GROUP BY 1, 2;
    ELSE
        INSERT INTO need_state_count (region_code, state, n)
        SELECT left(c.region_code, l.len), c.state, sum(c.delta)
        FROM (SELECT o.region_code, o.state, -1 AS delta FROM old_rows o JOIN new_rows w ON w.id = o.id
              WHERE o.state <> w.state OR o.region_code <> w.region_code
              UNION ALL
              SELECT w.region_code, w.state, 1 FROM old_rows o JOIN new_rows w ON w.id = o.id
              WHERE o.state <> w.state OR o.region_code <> w.region_code) c
             CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
        WHERE length(c.region_code) >= l.len
        GROUP BY 1, 2
        HAVING sum(c.delta) <> 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER need_state_count_insert AFTER INSERT ON need
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION need_state_count_apply();
CREATE TRIGGER need_state_count_update AFTER UPDATE ON need
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION need_state_count_apply();
CREATE TRIGGER need_state_count_delete AFTER DELETE ON need
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION need_state_count_apply();

-- the needs already there
INSERT INTO need_state_count (region_code, state, n)
SELECT left(c.region_code, l.len), c.state, count(*)
FROM need c CROSS JOIN unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
WHERE length(c.region_code) >= l.len
GROUP BY 1, 2;
