-- The public list filtered by a region (issue #5, docs/benchmarks.md "Public need list"). A region is a code
-- prefix of 2, 4, 6, 9 or 12 digits; `region_code LIKE '4304%'` cannot be answered in the list's order by any
-- one index, so the planner either walks need_open_order_idx until 21 rows of the region turn up (hundreds of
-- thousands of rows for a small county: seconds) or reads every open need of the region and sorts them, and
-- which it picks depends on an estimate it cannot make well. NeedListing asks `left(region_code, <length>) = ?`
-- instead, and each level has an index in the list's order: the first page is 21 index entries at any level.
-- (A village, 12 digits, is `region_code = ?` on need_open_region_idx.)
CREATE INDEX need_open_province_idx ON need (left(region_code, 2), urgency DESC, published_at, id)
    WHERE state IN ('PUBLISHED', 'PARTLY_PLEDGED');
CREATE INDEX need_open_city_idx ON need (left(region_code, 4), urgency DESC, published_at, id)
    WHERE state IN ('PUBLISHED', 'PARTLY_PLEDGED');
CREATE INDEX need_open_county_idx ON need (left(region_code, 6), urgency DESC, published_at, id)
    WHERE state IN ('PUBLISHED', 'PARTLY_PLEDGED');
CREATE INDEX need_open_township_idx ON need (left(region_code, 9), urgency DESC, published_at, id)
    WHERE state IN ('PUBLISHED', 'PARTLY_PLEDGED');

-- A keyword's pairs are matched with `search_pairs LIKE '% 茶油 %'`; the planner estimates how many rows match
-- from the column's histogram, and with the default 100 entries a keyword in 1% of the needs is usually in
-- none of them: estimated at 100 rows, it is answered through the trigram index and a sort of ~10,000 rows
-- (300–500 ms at 1,000,000 needs) instead of walking the list's order for 2,000 rows (2–10 ms).
ALTER TABLE need ALTER COLUMN search_pairs SET STATISTICS 1000;

-- statistics of the new index expressions and the larger histogram now, not at autovacuum's next visit
ANALYZE need;
