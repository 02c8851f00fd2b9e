-- Notices are stored as a message key and its arguments and rendered when read, in the reader's
-- language (issue 13); rows written before keep their rendered Chinese body.
ALTER TABLE notice ADD COLUMN message_key text, ADD COLUMN message_args text[];
ALTER TABLE notice ALTER COLUMN body DROP NOT NULL;
ALTER TABLE notice ADD CONSTRAINT notice_has_words CHECK (body IS NOT NULL OR message_key IS NOT NULL);
