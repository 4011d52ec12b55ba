package dev.arbiter.server.extauthz;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.arbiter.envoy.config.core.v3.Address;
import dev.arbiter.envoy.config.core.v3.Metadata;
import dev.arbiter.envoy.config.core.v3.SocketAddress;
import dev.arbiter.envoy.service.auth.v3.AttributeContext;
import dev.arbiter.envoy.service.auth.v3.CheckRequest;

/**
 * A CheckRequest shaped as Envoy's ext_authz HTTP filter sends it (lower-cased headers with the
 * pseudo-headers, the path with its query, the peers' addresses, principals from mTLS), with what
 * a test varies.
 */
final class EnvoyRequest {

    static final String CHECKOUT = "spiffe://acme.prod/ns/shop/sa/checkout";
    static final String REPORTING = "spiffe://acme.prod/ns/shop/sa/reporting";
    static final String ORDERS_WORKLOAD = "spiffe://acme.prod/ns/shop/sa/orders";

    private final AttributeContext.Builder attributes = AttributeContext.newBuilder();
    private final AttributeContext.HttpRequest.Builder http = AttributeContext.HttpRequest.newBuilder();

    private EnvoyRequest(String method, String path) {
        http.setId("4f7c1a6e-0b7d-4c5e-9e7f-1d2a3b4c5d6e").setMethod(method).setPath(path).setScheme("http")
                .setProtocol("HTTP/1.1").setSize(-1)
                .putHeaders(":method", method).putHeaders(":path", path).putHeaders(":scheme", "http")
                .putHeaders("user-agent", "curl/8.5.0").putHeaders("x-request-id", "4f7c1a6e");
        host("orders:8080");
        attributes.setSource(AttributeContext.Peer.newBuilder().setAddress(address("10.1.2.3", 51234)));
        attributes.setDestination(AttributeContext.Peer.newBuilder().setAddress(address("10.1.9.9", 8080))
                .setPrincipal(ORDERS_WORKLOAD));
    }

    static EnvoyRequest of(String method, String path) {
        return new EnvoyRequest(method, path);
    }

    /** The calling workload's identity, as Envoy takes it from the mTLS peer certificate's URI SAN. */
    EnvoyRequest from(String principal) {
        attributes.getSourceBuilder().setPrincipal(principal);
        return this;
    }

    EnvoyRequest host(String host) {
        http.setHost(host).putHeaders(":authority", host);
        return this;
    }

    EnvoyRequest header(String name, String value) {
        http.putHeaders(name, value);
        return this;
    }

    /** What the route's ext_authz per-route settings add: {@code check_settings.context_extensions}. */
    EnvoyRequest contextExtension(String name, String value) {
        attributes.putContextExtensions(name, value);
        return this;
    }

    /** A payload jwt_authn verified, under its {@code payload_in_metadata} name. */
    EnvoyRequest jwt(String payloadName, Struct payload) {
        attributes.setMetadataContext(Metadata.newBuilder().putFilterMetadata("envoy.filters.http.jwt_authn",
                Struct.newBuilder().putFields(payloadName, Value.newBuilder().setStructValue(payload).build()).build()));
        return this;
    }

    static Struct claims(String subject, String issuer) {
        return Struct.newBuilder().putFields("sub", Value.newBuilder().setStringValue(subject).build())
                .putFields("iss", Value.newBuilder().setStringValue(issuer).build())
                .putFields("exp", Value.newBuilder().setNumberValue(1_900_000_000).build())
                .build();
    }

    CheckRequest build() {
        attributes.setRequest(AttributeContext.Request.newBuilder().setHttp(http));
        return CheckRequest.newBuilder().setAttributes(attributes).build();
    }

    private static Address address(String ip, int port) {
        return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(port))
                .build();
    }
}
