-- Registry import jobs on several nodes (issue 19): a job is claimed by one application instance,
-- which keeps heartbeat_at fresh while the job is queued with it or running; a job whose heartbeat is
-- older than bangfu.jobs.dead-after is taken over by another node. upload_name is the stored file
-- (under <data-dir>/imports) a taken-over job is imported again from; attempt counts the starts.
ALTER TABLE household_import ADD COLUMN upload_name text;
ALTER TABLE household_import ADD COLUMN owner_instance text;
ALTER TABLE household_import ADD COLUMN heartbeat_at timestamptz;
ALTER TABLE household_import ADD COLUMN attempt int NOT NULL DEFAULT 0;
CREATE INDEX household_import_open_idx ON household_import (heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING');
