-- The division tree (行政区划). code is the national statistical code as the division files write
-- it; prefix is its significant part (43, 4304, 430421, 430421100, 430421100203), so "everything
-- under X" is `LIKE prefix || '%'` on an indexed column, on regions and on every scoped table.
CREATE TABLE region (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    name        text NOT NULL CHECK (length(name) > 0),
    level       text NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code text,
    prefix      text NOT NULL
);
CREATE INDEX region_code_prefix_idx ON region (code text_pattern_ops);
CREATE INDEX region_parent_idx ON region (parent_code);

-- 服务站点: the organisational unit at a region, created when its first staff member is granted.
CREATE TABLE station (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code text NOT NULL UNIQUE REFERENCES region (code),
    kind        text NOT NULL CHECK (kind IN ('PROVINCE_OFFICE', 'CITY_OFFICE', 'COUNTY_CENTER', 'TOWNSHIP_STATION', 'VILLAGE_POINT')),
    name        text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX station_region_prefix_idx ON station (region_code text_pattern_ops);
