-- Collect, then publish together (F24, issue 15): a collection campaign may hold the needs verified in its area instead
-- of publishing them; at the campaign's launch moment every need it kept is published in one step. A hold is keyed by
-- the campaign's id (the assessment module's campaign; no foreign key: the need module does not name its tables).
CREATE TABLE need_publication_hold (
    campaign_id    bigint PRIMARY KEY,
    region_code    text NOT NULL REFERENCES region (code),
    -- the region's significant prefix: the hold covers every need whose region code starts with it
    prefix         text NOT NULL,
    placed_at      timestamptz NOT NULL,
    released_at    timestamptz,
    -- how many needs the release published (the launch page's headline), fixed at the release
    released_count int CHECK (released_count >= 0),
    CHECK ((released_at IS NULL) = (released_count IS NULL))
);
CREATE INDEX need_publication_hold_open_idx ON need_publication_hold (prefix) WHERE released_at IS NULL;

-- The hold that kept the need back (kept after the release: the launch that published it, for the launch page).
ALTER TABLE need ADD COLUMN held_by bigint REFERENCES need_publication_hold (campaign_id);
CREATE INDEX need_held_by_idx ON need (held_by, state) WHERE held_by IS NOT NULL;
