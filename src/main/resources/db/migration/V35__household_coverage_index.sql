-- Registration coverage (issue 15 dashboards): registry households of a region and those on the platform (with their
-- own account). A covering index lets a county's 100k households be counted by an index-only scan of the region
-- prefix, without visiting the table's rows. Owned by the household module.
CREATE INDEX household_region_account_idx ON household (region_code text_pattern_ops) INCLUDE (account_id);
