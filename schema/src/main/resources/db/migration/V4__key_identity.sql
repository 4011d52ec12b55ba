-- A key may be bound to a client-certificate identity (a URI SAN such as a SPIFFE ID): it is then
-- accepted only over mutual TLS from a workload presenting that identity.
ALTER TABLE api_keys ADD COLUMN identity text CHECK (identity IS NULL OR length(identity) BETWEEN 1 AND 2048);
