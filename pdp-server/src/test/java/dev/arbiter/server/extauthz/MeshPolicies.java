package dev.arbiter.server.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Policies for mesh traffic, the example of docs/envoy-istio.md among them, and the directory they lean on. */
final class MeshPolicies {

    /** The example of docs/envoy-istio.md. */
    static final Path ORDERS = Path.of("../examples/envoy/orders-mesh.json");

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
        try {
            assertEquals(201, admin.put("/v1/policies/orders-mesh", Files.readString(ORDERS)).status());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(201, admin.put("/v1/policies/inventory-mesh", INVENTORY).status());
        assertEquals(200, admin.post("/v1/entities/_apply", DIRECTORY).status());
    }
}
