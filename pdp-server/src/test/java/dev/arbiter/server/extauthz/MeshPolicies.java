package dev.arbiter.server.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.testing.ApiClient;

/** Policies for mesh traffic, as docs/envoy-istio.md writes them, and the directory they lean on. */
final class MeshPolicies {

    static final String ORDERS = """
            {"id": "orders-mesh", "service": "orders", "rules": [
              {"name": "checkout-reads-orders", "effect": "allow",
               "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"], "actions": ["GET /orders/*"], "kinds": ["http"]},
              {"name": "readers-read-reports", "effect": "allow", "roles": ["reader"], "actions": ["GET /reports/*"]},
              {"name": "users-read-their-profile", "effect": "allow", "principals": ["user-*"],
               "actions": ["GET /profile"], "condition": "context.jwt.iss == 'https://idp.acme.example'"},
              {"name": "anyone-reads-public", "effect": "allow", "principals": ["anonymous"], "actions": ["GET /public/*"]},
              {"name": "tenant-search", "effect": "allow", "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"],
               "actions": ["GET /search"],
               "condition": "resource.attr.query.q == 'shoes' && context.headers['x-tenant'] == 'acme'"}
            ]}""";

    /** A service named by its host, for routes without a context extension. */
    static final String INVENTORY = """
            {"id": "inventory-mesh", "service": "inventory.shop.svc.cluster.local", "rules": [
              {"name": "checkout-reads-items", "effect": "allow",
               "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"], "actions": ["GET /items/*"]}
            ]}""";

    static final String DIRECTORY = """
            {"principals": [{"id": "spiffe://acme.prod/ns/shop/sa/reporting", "roles": ["reader"]}]}""";

    private MeshPolicies() {}

    static void load(ApiClient admin) {
        assertEquals(201, admin.put("/v1/policies/orders-mesh", ORDERS).status());
        assertEquals(201, admin.put("/v1/policies/inventory-mesh", INVENTORY).status());
        assertEquals(200, admin.post("/v1/entities/_apply", DIRECTORY).status());
    }
}
