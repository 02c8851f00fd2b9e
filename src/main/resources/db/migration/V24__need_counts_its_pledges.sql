-- The need moves to DELIVERED and CONFIRMED by counts of its pledges that it keeps from the pledge events
-- (issue 13), instead of the pledge module reading every pledge of the need and deciding for it.
ALTER TABLE need
  ADD COLUMN pledges_active   int NOT NULL DEFAULT 0 CHECK (pledges_active >= 0),
  ADD COLUMN pledges_on_way   int NOT NULL DEFAULT 0 CHECK (pledges_on_way >= 0),
  ADD COLUMN pledges_received int NOT NULL DEFAULT 0 CHECK (pledges_received >= 0);

UPDATE need n SET pledges_active = c.active, pledges_on_way = c.on_way, pledges_received = c.received
FROM (SELECT need_id,
             count(*) FILTER (WHERE state IN ('COMMITTED', 'IN_TRANSIT', 'RECEIVED')) AS active,
             count(*) FILTER (WHERE state = 'IN_TRANSIT') AS on_way,
             count(*) FILTER (WHERE state = 'RECEIVED') AS received
      FROM pledge GROUP BY need_id) c
WHERE c.need_id = n.id;

-- The pledge keeps its need's household (it never changes), so that who may confirm receipt is decided
-- without loading the need again.
ALTER TABLE pledge ADD COLUMN household_id bigint;
UPDATE pledge p SET household_id = n.household_id FROM need n WHERE n.id = p.need_id;
