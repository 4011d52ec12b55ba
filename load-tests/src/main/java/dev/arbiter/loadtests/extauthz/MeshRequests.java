package dev.arbiter.loadtests.extauthz;

import dev.arbiter.envoy.config.core.v3.Address;
import dev.arbiter.envoy.config.core.v3.SocketAddress;
import dev.arbiter.envoy.service.auth.v3.AttributeContext;
import dev.arbiter.envoy.service.auth.v3.CheckRequest;
import io.vertx.core.buffer.Buffer;

/** The two questions the comparison asks: each allowed by a rule with one CEL condition. */
final class MeshRequests {

    static final String MESH_POLICY = """
            {"service": "orders", "rules": [{"name": "checkout-reads-orders", "effect": "allow",
              "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"], "actions": ["GET /orders/*"],
              "condition": "context.headers['x-tenant'] == 'acme'"}]}""";

    static final String PAYMENTS_POLICY = """
            {"service": "payments", "rules": [{"name": "checkout-can-charge", "effect": "allow",
              "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"], "actions": ["charges:create"],
              "kinds": ["charge"], "condition": "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"}]}""";

    /** DESIGN.md's example check. */
    static final String CHECK_JSON = """
            {"principal": {"id": "spiffe://acme.prod/ns/shop/sa/checkout", "roles": ["service"], "attr": {"env": "prod"}},
             "action": "charges:create",
             "resource": {"service": "payments", "kind": "charge", "id": "ch_1", "attr": {"amount": 5000, "env": "prod"}},
             "context": {"sourceIp": "10.1.2.3"}}""";

    private MeshRequests() {}

    /** What Envoy's HTTP filter sends for a GET through a sidecar, with the headers a browser or client sends. */
    static Buffer grpcFrame() {
        AttributeContext.HttpRequest http = AttributeContext.HttpRequest.newBuilder()
                .setId("4f7c1a6e-0b7d-4c5e-9e7f-1d2a3b4c5d6e").setMethod("GET").setPath("/orders/o-17?expand=items")
                .setHost("orders:8080").setScheme("http").setProtocol("HTTP/1.1").setSize(-1)
                .putHeaders(":authority", "orders:8080").putHeaders(":method", "GET")
                .putHeaders(":path", "/orders/o-17?expand=items").putHeaders(":scheme", "http")
                .putHeaders("accept", "application/json").putHeaders("user-agent", "checkout/2.3")
                .putHeaders("x-request-id", "4f7c1a6e-0b7d-4c5e-9e7f-1d2a3b4c5d6e").putHeaders("x-tenant", "acme")
                .putHeaders("x-forwarded-proto", "http")
                .putHeaders("x-envoy-expected-rq-timeout-ms", "15000").build();
        CheckRequest request = CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder()
                .setSource(AttributeContext.Peer.newBuilder().setAddress(address("10.1.2.3", 51234))
                        .setPrincipal("spiffe://acme.prod/ns/shop/sa/checkout"))
                .setDestination(AttributeContext.Peer.newBuilder().setAddress(address("10.1.9.9", 8080))
                        .setPrincipal("spiffe://acme.prod/ns/shop/sa/orders"))
                .setRequest(AttributeContext.Request.newBuilder().setHttp(http))
                .putContextExtensions("service", "orders")).build();
        byte[] bytes = request.toByteArray();
        return Buffer.buffer().appendByte((byte) 0).appendInt(bytes.length).appendBytes(bytes);
    }

    private static Address address(String ip, int port) {
        return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(port))
                .build();
    }
}
