package dev.arbiter.server.fuzz;

import java.util.List;

/**
 * An endpoint the fuzzer aims at: method, path template ({@code {id}}, {@code {version}},
 * {@code {decision}}, {@code {name}}), the body it takes, what it may change, and its query
 * parameters with a well-formed value each.
 */
record Target(String method, String template, JsonBodies.Kind body, Effect effect, List<Param> params) {

    /** What a request to the endpoint could do to the store if it were accepted. */
    enum Effect {
        /** Nothing: reads, decisions, validation, and methods no route takes. */
        NONE,
        /** Writes what its body says: the body is always spoiled. */
        WRITES_BODY,
        /** Changes the object named in its path: never aimed at an existing one unless a precondition fails. */
        CHANGES_PATH_OBJECT
    }

    /** A query parameter and a value the endpoint accepts. */
    record Param(String name, String goodValue) {}

    private static final List<Param> FILTERS = List.of(new Param("from", "2026-11-01"),
            new Param("to", "2026-12-01T00:00:00Z"), new Param("principal", "svc"), new Param("service", "payments"),
            new Param("action", "charges:create"), new Param("allow", "true"), new Param("policy", "p"),
            new Param("rule", "r"), new Param("caller", "admin"), new Param("resource", "ch_1"),
            new Param("minLatencyMicros", "0"));

    static final List<Target> ALL = List.of(
            new Target("POST", "/v1/check", JsonBodies.Kind.CHECK, Effect.NONE,
                    List.of(new Param("explain", "true"))),
            new Target("POST", "/v1/check/batch", JsonBodies.Kind.BATCH, Effect.NONE,
                    List.of(new Param("explain", "true"))),
            new Target("POST", "/v1/policies/_validate", JsonBodies.Kind.POLICY, Effect.NONE, List.of()),
            new Target("POST", "/v1/policies/_apply", JsonBodies.Kind.BUNDLE, Effect.WRITES_BODY,
                    List.of(new Param("dryRun", "true"), new Param("ifUnchangedSince", "1"))),
            new Target("GET", "/v1/policies", null, Effect.NONE, List.of(new Param("service", "fuzz-payments"))),
            new Target("GET", "/v1/policies/{id}", null, Effect.NONE, List.of()),
            new Target("PUT", "/v1/policies/{id}", JsonBodies.Kind.POLICY, Effect.WRITES_BODY, List.of()),
            new Target("DELETE", "/v1/policies/{id}", null, Effect.CHANGES_PATH_OBJECT, List.of()),
            new Target("GET", "/v1/policies/{id}/versions", null, Effect.NONE, List.of()),
            new Target("GET", "/v1/policies/{id}/versions/{version}", null, Effect.NONE, List.of()),
            new Target("POST", "/v1/policies/{id}/rollback", null, Effect.CHANGES_PATH_OBJECT,
                    List.of(new Param("to", "1"))),
            new Target("GET", "/v1/decisions", null, Effect.NONE, concat(FILTERS, new Param("limit", "10"),
                    new Param("cursor", "x"))),
            new Target("GET", "/v1/decisions/stats", null, Effect.NONE, concat(FILTERS, new Param("groupBy", "policy"),
                    new Param("bucket", "hour"))),
            new Target("GET", "/v1/decisions/verify", null, Effect.NONE,
                    List.of(new Param("from", "2026-11-01"), new Param("to", "2026-12-01"))),
            new Target("GET", "/v1/decisions/{decision}", null, Effect.NONE, List.of()),
            new Target("POST", "/v1/keys", JsonBodies.Kind.KEY, Effect.WRITES_BODY, List.of()),
            new Target("GET", "/v1/keys", null, Effect.NONE, List.of()),
            new Target("DELETE", "/v1/keys/{name}", null, Effect.CHANGES_PATH_OBJECT, List.of()),
            // Envoy's doors: over raw HTTP/1.1 and with the token where Envoy does not put it, always refused.
            new Target("POST", "/envoy.service.auth.v3.Authorization/Check", JsonBodies.Kind.CHECK, Effect.NONE,
                    List.of()),
            new Target("GET", "/ext-authz/orders/{id}", null, Effect.NONE, List.of(new Param("q", "shoes"))),
            new Target("POST", "/ext-authz/{id}", JsonBodies.Kind.CHECK, Effect.NONE, List.of()),
            new Target("GET", "/health/live", null, Effect.NONE, List.of()),
            new Target("GET", "/health/ready", null, Effect.NONE, List.of(new Param("allowDegraded", "true"))),
            // Methods and paths no route takes: 404 or 405, after authentication for /v1.
            new Target("PATCH", "/v1/policies/{id}", JsonBodies.Kind.POLICY, Effect.NONE, List.of()),
            new Target("OPTIONS", "/v1/check", null, Effect.NONE, List.of()),
            new Target("HEAD", "/v1/keys", null, Effect.NONE, List.of()),
            new Target("HEAD", "/health/live", null, Effect.NONE, List.of()),
            new Target("TRACE", "/v1/decisions", null, Effect.NONE, List.of()),
            new Target("FUZZ", "/v1/check", JsonBodies.Kind.CHECK, Effect.NONE, List.of()),
            new Target("GET", "/v1/policies/_apply", null, Effect.NONE, List.of()),
            new Target("POST", "/v1/policies/_nothing", JsonBodies.Kind.POLICY, Effect.NONE, List.of()),
            new Target("GET", "/v1/nothing", null, Effect.NONE, List.of()),
            new Target("GET", "/", null, Effect.NONE, List.of()));

    private static List<Param> concat(List<Param> base, Param... more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.stream.Stream.of(more)).toList();
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
