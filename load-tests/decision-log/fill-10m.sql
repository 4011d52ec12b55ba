-- Fills the decision log of an Arbiter database with synthetic records, for query benchmarks:
--   psql "$URL" -v rows=10000000 -v days=10 -f fill-10m.sql
-- Records are spread evenly over the :days days before today (UTC), in daily partitions named as
-- Arbiter names them. Distribution: 10,000 principals, 50 services with 10 actions each, 1,000,000
-- resource ids, 100 policies of 5 rules (5 % default denies), 50 callers, 10 % denies, and 0.1 %
-- of the records slower than 5 ms. The records bypass the writer: they are grouped into batches of
-- 1,000 whose filter keys the database derives (as it does for batches written without keys), but
-- whose hashes are zeros, so verification would report every link broken; this data is for
-- queries only.
\set ON_ERROR_STOP on
\timing on

SELECT (date_trunc('day', now() AT TIME ZONE 'UTC') - make_interval(days => :days)) AT TIME ZONE 'UTC' AS start_at
\gset

SELECT format('CREATE TABLE IF NOT EXISTS %I PARTITION OF decisions FOR VALUES FROM (%L) TO (%L)',
        'decisions_' || to_char(day, 'YYYYMMDD'), day::date || ' 00:00:00+00', day::date + 1 || ' 00:00:00+00')
FROM generate_series(:'start_at'::timestamptz AT TIME ZONE 'UTC',
        :'start_at'::timestamptz AT TIME ZONE 'UTC' + make_interval(days => :days - 1), '1 day') AS day
\gexec

INSERT INTO decisions (decision_id, decided_at, principal_id, principal_roles, action, resource_service,
    resource_kind, resource_id, allow, policy_id, rule_name, revision, reason, caller, latency_micros, input, shadow,
    batch_id)
SELECT
    (lpad(to_hex(floor(extract(epoch FROM t) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(i % 4096), 3, '0')
        || '8' || lpad(to_hex((i / 4096) % 4096), 3, '0') || lpad(to_hex(i), 12, '0'))::uuid,
    t,
    principal,
    '{service}',
    service || ':act-' || (i * 17 % 10),
    service,
    'kind-' || (i % 5),
    'res-' || (i * 104729 % 1000000),
    i % 10 <> 0,
    CASE WHEN i % 20 = 0 THEN NULL ELSE 'pol-' || (i * 13 % 100) END,
    CASE WHEN i % 20 = 0 THEN NULL ELSE 'rule-' || (i % 5) END,
    42,
    CASE WHEN i % 10 <> 0 THEN 'allowed by a policy' ELSE 'denied by default: no rule allows it' END,
    'caller-' || (i * 7 % 50),
    CASE WHEN i % 1000 = 0 THEN 5000 + i % 20000 ELSE 10 + i * 48271 % 1000 END,
    json_build_object('principal', json_build_object('id', principal, 'roles', json_build_array('service'),
            'attr', json_build_object('env', 'prod')),
        'action', service || ':act-' || (i * 17 % 10),
        'resource', json_build_object('service', service, 'kind', 'kind-' || (i % 5), 'id', 'res-' || (i * 104729 % 1000000),
            'attr', json_build_object('amount', i % 10000, 'env', 'prod')),
        'context', json_build_object('sourceIp', '10.1.' || (i % 256) || '.' || (i * 7 % 256))),
    NULL,
    ('00000000-0000-4000-8000-' || lpad(to_hex((i - 1) / 1000), 12, '0'))::uuid
FROM (
    SELECT i,
        :'start_at'::timestamptz + (i - 1) * make_interval(days => :days) / :rows AS t,
        'spiffe://acme.prod/ns/shop/sa/svc-' || (i * 7919 % 10000) AS principal,
        'svc-' || (i * 31 % 50) AS service
    FROM generate_series(1, :rows::bigint) AS i
) AS generated;

INSERT INTO decision_batches (seq, batch_id, first_at, last_at, record_count, digest, prev_hash, hash, format)
SELECT row_number() OVER (ORDER BY min(decided_at)) + coalesce((SELECT max(seq) FROM decision_batches), 0),
    batch_id, min(decided_at), max(decided_at), count(*), decode(repeat('00', 32), 'hex'),
    decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'), 2
FROM decisions
WHERE batch_id::text LIKE '00000000-0000-4000-8000-%'
GROUP BY batch_id;
UPDATE decision_chain SET seq = (SELECT max(seq) FROM decision_batches);

ANALYZE decisions;
ANALYZE decision_batches;
SELECT (SELECT count(*) FROM decisions) AS records,
    pg_size_pretty(sum(pg_total_relation_size(relid))) AS size_with_indexes,
    pg_size_pretty(pg_total_relation_size('decision_batches')) AS batches_with_keys
FROM pg_partition_tree('decisions');
