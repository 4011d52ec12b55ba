-- The directory: what Arbiter knows about principals and resources, merged into every decision.
-- Like policies, every write bumps the store revision (in the same transaction) and each row
-- remembers the revision that last wrote it, so replicas load only what changed since the
-- revision they hold. A deleted entry stays as a tombstone (deleted = true) for that reason.
CREATE TABLE principals (
    id         text COLLATE "C" PRIMARY KEY,
    type       text        NOT NULL,
    roles      text[]      NOT NULL,
    attr       jsonb       NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    revision   bigint      NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);
CREATE INDEX principals_revision_idx ON principals (revision);
-- Listing by type, in id order, for the API and AuthZEN subject search.
CREATE INDEX principals_type_idx ON principals (type, id) WHERE NOT deleted;

CREATE TABLE resources (
    service    text COLLATE "C" NOT NULL,
    kind       text COLLATE "C" NOT NULL,
    id         text COLLATE "C" NOT NULL,
    attr       jsonb       NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    revision   bigint      NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    PRIMARY KEY (service, kind, id)
);
CREATE INDEX resources_revision_idx ON resources (revision);

-- The front door of each decision and the W3C trace it belonged to. Records written before these
-- columns existed have neither; their batches were hashed without them (format 1).
ALTER TABLE decisions ADD COLUMN api text COLLATE "C", ADD COLUMN trace_id text COLLATE "C";
CREATE INDEX decisions_trace_idx ON decisions (trace_id, decided_at) WHERE trace_id IS NOT NULL;
ALTER TABLE decision_batches ADD COLUMN format smallint NOT NULL DEFAULT 1 CHECK (format IN (1, 2));
