-- The decision log: records are stored exactly as the writer hashed them, grouped in flushed
-- batches that form one SHA-256 hash chain, with the indexes the auditors' filters use.

-- json keeps the text byte for byte; jsonb would re-render it (key order, spacing, numbers) and
-- the stored record would no longer be the one that was hashed. Cast to jsonb to query inside.
ALTER TABLE decisions ALTER COLUMN input TYPE json USING input::json;
ALTER TABLE decisions ALTER COLUMN shadow TYPE json USING shadow::json;

-- Byte-order comparison for the text columns: their indexes are maintained on every record
-- written, and the C collation makes that markedly cheaper than a linguistic one (and sorts keys
-- the same everywhere). Filters compare for equality, which no collation changes.
ALTER TABLE decisions
    ALTER COLUMN principal_id TYPE text COLLATE "C",
    ALTER COLUMN action TYPE text COLLATE "C",
    ALTER COLUMN resource_service TYPE text COLLATE "C",
    ALTER COLUMN resource_kind TYPE text COLLATE "C",
    ALTER COLUMN resource_id TYPE text COLLATE "C",
    ALTER COLUMN policy_id TYPE text COLLATE "C",
    ALTER COLUMN rule_name TYPE text COLLATE "C",
    ALTER COLUMN caller TYPE text COLLATE "C";

-- The flushed batch a record belongs to (decision_batches.batch_id). Every record Arbiter writes
-- has one; a record without one is reported by verification as outside the chain.
ALTER TABLE decisions ADD COLUMN batch_id uuid;

-- Filters of GET /v1/decisions answered newest first: each index serves equality on its leading
-- columns and hands rows back in time order, so a page stops after `limit` rows.
CREATE INDEX decisions_principal_idx ON decisions (principal_id, decided_at);
CREATE INDEX decisions_service_idx ON decisions (resource_service, action, decided_at);
CREATE INDEX decisions_resource_idx ON decisions (resource_id, decided_at);
CREATE INDEX decisions_policy_idx ON decisions (policy_id, rule_name, decided_at);
CREATE INDEX decisions_caller_idx ON decisions (caller, decided_at);
CREATE INDEX decisions_action_idx ON decisions (action, decided_at);
CREATE INDEX decisions_rule_idx ON decisions (rule_name, decided_at);

-- One row per flushed batch, linked in commit order: hash = SHA-256(prev_hash || seq || batch_id
-- || first_at || last_at || record_count || digest), digest = SHA-256 of the batch's records in
-- (decided_at, decision_id) order, each in PostgreSQL's binary COPY tuple form. A batch holds
-- records of one UTC day only, so dropping a day's partition removes whole batches.
CREATE TABLE decision_batches (
    seq          bigint      PRIMARY KEY CHECK (seq > 0),
    batch_id     uuid        NOT NULL UNIQUE,
    first_at     timestamptz NOT NULL,
    last_at      timestamptz NOT NULL,
    record_count integer     NOT NULL CHECK (record_count > 0),
    digest       bytea       NOT NULL CHECK (length(digest) = 32),
    prev_hash    bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash         bytea       NOT NULL CHECK (length(hash) = 32),
    written_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (first_at <= last_at)
);
CREATE INDEX decision_batches_first_at_idx ON decision_batches (first_at);

-- The head of the chain. Writers lock this row to link their batch, so links never fork, even
-- with several replicas writing.
CREATE TABLE decision_chain (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    seq       bigint  NOT NULL CHECK (seq >= 0),
    hash      bytea   NOT NULL CHECK (length(hash) = 32)
);
INSERT INTO decision_chain (singleton, seq, hash) VALUES (true, 0, decode(repeat('00', 32), 'hex'));

-- Batches removed by retention, as runs of consecutive seq with the hash of the run's last batch,
-- so the link of the next kept batch can still be checked.
CREATE TABLE decision_batches_pruned (
    first_seq bigint      PRIMARY KEY,
    last_seq  bigint      NOT NULL,
    last_hash bytea       NOT NULL CHECK (length(last_hash) = 32),
    pruned_at timestamptz NOT NULL DEFAULT now(),
    CHECK (first_seq <= last_seq)
);
