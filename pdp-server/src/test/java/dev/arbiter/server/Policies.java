package dev.arbiter.server;

import dev.arbiter.server.testing.ApiClient;

/** Policy documents shared by the end-to-end tests. */
final class Policies {

    /** The example of DESIGN.md. */
    static final String PAYMENTS_API = """
            {
              "id": "payments-api",
              "service": "payments",
              "description": "Who may call the payments service",
              "rules": [
                {
                  "name": "checkout-can-charge",
                  "effect": "allow",
                  "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"],
                  "roles": [],
                  "actions": ["charges:create", "charges:read"],
                  "kinds": ["charge"],
                  "condition": "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"
                },
                {
                  "name": "no-cross-env-refunds",
                  "effect": "deny",
                  "roles": ["*"],
                  "actions": ["refunds:*"],
                  "condition": "principal.attr.env != resource.attr.env"
                }
              ]
            }""";

    /** The check request of DESIGN.md, with the amount as a parameter. */
    static String charge(long amount) {
        return """
                {
                  "principal": {"id": "spiffe://acme.prod/ns/shop/sa/checkout", "roles": ["service"], "attr": {"env": "prod"}},
                  "action": "charges:create",
                  "resource": {"service": "payments", "kind": "charge", "id": "ch_1", "attr": {"amount": %d, "env": "prod"}},
                  "context": {"sourceIp": "10.1.2.3"}
                }""".formatted(amount);
    }

    /** A one-rule allow policy. */
    static String allow(String id, String service, String action) {
        return """
                {"id": "%s", "service": "%s", "rules": [
                  {"name": "r", "effect": "allow", "roles": ["*"], "actions": ["%s"]}]}""".formatted(id, service, action);
    }

    /** A check of {@code action} on {@code service} by a principal without roles. */
    static String check(String action, String service) {
        return """
                {"principal": {"id": "svc"}, "action": "%s", "resource": {"service": "%s"}}""".formatted(action, service);
    }

    /** The store revision, as the policy listing reports it. */
    static long storeRevision(ApiClient client) {
        return client.get("/v1/policies").json().get("revision").asLong();
    }

    private Policies() {}
}
