-- Issue 15, collection campaigns and quotas (docs/assessment.md). A station closed on a day is out of the expected and
-- the reported reports of every period that starts after that day (DHIS2's closed org units).
ALTER TABLE station ADD COLUMN closed_on date;

-- 采集活动: a period of collection in an area with quotas per station level, the monthly rules after it, and whether it
-- holds verified needs for one launch (集中发布). Days are Beijing days, both ends inclusive.
CREATE TABLE collection_campaign (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text NOT NULL CHECK (length(name) BETWEEN 2 AND 60),
    region_code          text NOT NULL REFERENCES region (code),
    starts_on            date NOT NULL,
    deadline             date NOT NULL CHECK (deadline >= starts_on),
    categories           text[] NOT NULL,
    quota_poor_village   int NOT NULL CHECK (quota_poor_village >= 0),
    quota_other_village  int NOT NULL CHECK (quota_other_village >= 0),
    quota_township       int NOT NULL CHECK (quota_township >= 0),
    monthly_min          int NOT NULL CHECK (monthly_min >= 0),
    monthly_max          int NOT NULL CHECK (monthly_max >= monthly_min),
    township_monthly     int NOT NULL CHECK (township_monthly >= 0),
    timely_days          int NOT NULL CHECK (timely_days BETWEEN 0 AND 31),
    holds                boolean NOT NULL,
    state                text NOT NULL CHECK (state IN ('COLLECTING', 'LAUNCHED')),
    launch_at            timestamptz,
    launched_at          timestamptz,
    published            int,
    created_by           bigint NOT NULL,
    created_at           timestamptz NOT NULL,
    version              int NOT NULL DEFAULT 0
);
CREATE INDEX collection_campaign_region_idx ON collection_campaign (region_code text_pattern_ops);
CREATE INDEX collection_campaign_due_idx ON collection_campaign (launch_at) WHERE state = 'COLLECTING';

-- A reminder sent to a station behind its quota: at most one per station per Beijing day.
CREATE TABLE assessment_reminder (
    station_id  bigint NOT NULL,
    day         date NOT NULL,
    region_code text NOT NULL,
    period      text NOT NULL,
    sent_by     bigint NOT NULL,
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (station_id, day)
);
