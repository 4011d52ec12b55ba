-- Filters of the decision log find batches, not records: each batch lists the distinct values its
-- records hold for every filter (its filter keys) under one GIN index, and a filtered page reads
-- the records of the newest matching batches by the primary key. A batch of a thousand records
-- holds a few dozen services, actions, policies and callers, so those cost next to nothing to
-- index; only values that are nearly unique per record (principal, resource, trace) take about
-- one index entry per record. The seven per-record filter indexes took seven.
--
-- Keys are '<tag>:<value>', with tags p principal, s service, a action, r resource id, o policy,
-- u rule, c caller, t trace id; the keys of denied decisions once more as '!<tag>:<value>', so
-- that "what was denied to whom" finds only the batches where it was; and 'deny' when the batch
-- holds a denied decision.
-- Arbiter's writer computes them as it writes (dev.arbiter.server.audit.FilterKeys); the function
-- below is the same definition in SQL, for batches written without keys.
ALTER TABLE decision_batches ADD COLUMN filter_keys text[] COLLATE "C";
-- Stored uncompressed: compressing tens of kilobytes per batch would cost the writer more than
-- the disk it saves.
ALTER TABLE decision_batches ALTER COLUMN filter_keys SET STORAGE EXTERNAL;

CREATE FUNCTION decision_filter_keys(batch uuid, first_at timestamptz, last_at timestamptz)
    RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT key ORDER BY key), '{}')
    FROM decisions d
    CROSS JOIN LATERAL (VALUES ('p:' || d.principal_id), ('s:' || d.resource_service), ('a:' || d.action),
        ('r:' || d.resource_id), ('o:' || d.policy_id), ('u:' || d.rule_name), ('c:' || d.caller),
        ('t:' || d.trace_id)) AS columns (column_key)
    CROSS JOIN LATERAL (VALUES (column_key), (CASE WHEN NOT d.allow THEN '!' || column_key END),
        (CASE WHEN NOT d.allow THEN 'deny' END)) AS keys (key)
    WHERE d.decided_at >= first_at AND d.decided_at <= last_at AND d.batch_id = batch AND key IS NOT NULL
$$;

-- A replica of the release before this one writes batches without keys while an upgrade rolls:
-- the database derives them, so no batch is ever missing from filtered queries.
CREATE FUNCTION decision_batches_fill_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.filter_keys IS NULL THEN
        NEW.filter_keys := decision_filter_keys(NEW.batch_id, NEW.first_at, NEW.last_at);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER decision_batches_fill_keys BEFORE INSERT ON decision_batches
    FOR EACH ROW EXECUTE FUNCTION decision_batches_fill_keys();

UPDATE decision_batches SET filter_keys = decision_filter_keys(batch_id, first_at, last_at);
ALTER TABLE decision_batches ALTER COLUMN filter_keys SET NOT NULL;

-- Queries read this index as a bitmap and sort the batches it finds by time: an index on time
-- would tempt the planner to test the keys row by row, reading every array it passes.
CREATE INDEX decision_batches_filter_keys_idx ON decision_batches USING gin (filter_keys);

DROP INDEX decisions_principal_idx, decisions_service_idx, decisions_resource_idx, decisions_policy_idx,
    decisions_caller_idx, decisions_action_idx, decisions_rule_idx, decisions_trace_idx;
