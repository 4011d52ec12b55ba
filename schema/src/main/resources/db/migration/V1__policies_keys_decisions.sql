-- The store-wide revision. Every policy write transaction bumps it exactly once, first thing;
-- the row lock it takes serialises writers, so revisions commit in increasing order and a
-- reader that sees revision n sees every write up to n.
CREATE TABLE store_revision (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision  bigint  NOT NULL CHECK (revision >= 0)
);
INSERT INTO store_revision (singleton, revision) VALUES (true, 0);

-- The current version of every live policy.
CREATE TABLE policies (
    id         text        PRIMARY KEY,
    service    text        NOT NULL,
    version    integer     NOT NULL CHECK (version > 0),
    revision   bigint      NOT NULL,
    document   jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);
CREATE INDEX policies_service_idx ON policies (service);

-- Every version ever written, deletions included; rows are never updated or removed.
CREATE TABLE policy_versions (
    policy_id  text        NOT NULL,
    version    integer     NOT NULL CHECK (version > 0),
    revision   bigint      NOT NULL,
    deleted    boolean     NOT NULL,
    document   jsonb,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    PRIMARY KEY (policy_id, version),
    CHECK (deleted = (document IS NULL))
);
-- Change feed: replicas load the versions written after the revision they hold.
CREATE INDEX policy_versions_revision_idx ON policy_versions (revision);

-- API keys. Only a SHA-256 hash of each token is stored.
CREATE TABLE api_keys (
    name       text        PRIMARY KEY,
    token_hash bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    roles      text[]      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL
);

-- The decision log, partitioned by day of decision. The default partition catches rows
-- whose day has no partition yet, so a write never fails for want of one.
CREATE TABLE decisions (
    decision_id      uuid        NOT NULL,
    decided_at       timestamptz NOT NULL,
    principal_id     text        NOT NULL,
    principal_roles  text[]      NOT NULL,
    action           text        NOT NULL,
    resource_service text        NOT NULL,
    resource_kind    text        NOT NULL,
    resource_id      text        NOT NULL,
    allow            boolean     NOT NULL,
    policy_id        text,
    rule_name        text,
    revision         bigint      NOT NULL,
    reason           text        NOT NULL,
    caller           text        NOT NULL,
    latency_micros   integer     NOT NULL,
    input            jsonb       NOT NULL,
    shadow           jsonb,
    PRIMARY KEY (decided_at, decision_id)
) PARTITION BY RANGE (decided_at);
CREATE TABLE decisions_default PARTITION OF decisions DEFAULT;
