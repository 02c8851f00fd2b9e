-- Registry imports tell a row of another area from a misspelt one by looking villages up by name.
CREATE INDEX region_name_prefix_idx ON region (name text_pattern_ops);

-- An import's report tells the households it added from those it updated (a re-import adds none).
ALTER TABLE household_import ADD COLUMN households_new bigint NOT NULL DEFAULT 0;
ALTER TABLE household_import ADD COLUMN households_updated bigint NOT NULL DEFAULT 0;
