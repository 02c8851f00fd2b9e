-- The household, the officer and the donor are reminded once when a pledge's deadline is near.
ALTER TABLE pledge ADD COLUMN reminded_at timestamptz;
