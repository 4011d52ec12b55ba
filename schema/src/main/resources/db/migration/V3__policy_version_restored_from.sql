-- A version written by a rollback records the version it restored, so the history tells a
-- rollback apart from an edit that happens to match an older version.
ALTER TABLE policy_versions
    ADD COLUMN restored_from integer,
    ADD CONSTRAINT policy_versions_restored_from_earlier
        CHECK (restored_from IS NULL OR (restored_from > 0 AND restored_from < version));
