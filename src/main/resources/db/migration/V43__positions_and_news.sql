-- Positions and the register (issue 17): a staff grant carries its position (职务) at its station. Grants made before
-- keep none (NULL) and stay valid. Which positions belong at which level is account.Position's rule.
ALTER TABLE role_grant ADD COLUMN position text
    CHECK (position IN ('LEADER_IN_CHARGE', 'CADRE', 'INFORMATION_MANAGER', 'MEDIA_ADMINISTRATOR', 'INFORMATION_OFFICER'));
CREATE INDEX role_grant_position_idx ON role_grant (region_code text_pattern_ops, position) WHERE revoked_at IS NULL;

-- A household's consent to publicity (同意宣传报道): a story of the help it received may be published, its name masked.
-- A third kind beside posting on its behalf and publishing photos; the check that a consent consents to something
-- (unnamed in V5) is replaced by one that knows it.
ALTER TABLE consent ADD COLUMN publicity boolean NOT NULL DEFAULT false;
DO $$
DECLARE
    c text;
BEGIN
    SELECT conname INTO c FROM pg_constraint
    WHERE conrelid = 'consent'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%post_on_behalf OR publish_photos%';
    IF c IS NOT NULL THEN
        EXECUTE format('ALTER TABLE consent DROP CONSTRAINT %I', c);
    END IF;
END $$;
ALTER TABLE consent ADD CONSTRAINT consent_gives_something CHECK (post_on_behalf OR publish_photos OR publicity);

-- News and stories of help given (news module): written by a county's media administrator or the city office, shown
-- once published. A story may be about a household (with its consent to publicity); only the masked name is kept.
CREATE TABLE news_story (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('NEWS', 'STORY')),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
    body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    region_code      text NOT NULL REFERENCES region (code),
    household_id     bigint REFERENCES household (id),
    household_masked text,
    photo            text,
    state            text NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    written_by       bigint NOT NULL REFERENCES account (id),
    written_at       timestamptz NOT NULL,
    published_at     timestamptz,
    withdrawn_at     timestamptz,
    CHECK (kind = 'STORY' OR household_id IS NULL),
    CHECK ((household_id IS NULL) = (household_masked IS NULL))
);
CREATE INDEX news_story_region_idx ON news_story (region_code text_pattern_ops, state);
CREATE INDEX news_story_published_idx ON news_story (published_at DESC) WHERE state = 'PUBLISHED';
