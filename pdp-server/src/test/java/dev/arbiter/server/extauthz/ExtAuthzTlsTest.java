package dev.arbiter.server.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.server.testing.TlsServers;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With TLS on, Envoy's gRPC calls come over HTTP/2 negotiated by ALPN, with a key bound to Envoy's certificate. */
class ExtAuthzTlsTest {

    static final String ENVOY = "spiffe://acme.prod/ns/istio-system/sa/istio-ingressgateway";

    @TempDir
    static Path certificates;

    static TlsServers servers;
    static String boundKey;

    @BeforeAll
    static void start() {
        servers = TlsServers.start(certificates);
        ApiClient admin = servers.mutual().client(servers.authority().clientContext(TlsServers.OPERATOR),
                TestServer.ADMIN_TOKEN);
        MeshPolicies.load(admin);
        ApiClient.Response created = admin.post("/v1/keys",
                "{\"name\": \"envoy-bound\", \"roles\": [\"check\"], \"identity\": \"" + ENVOY + "\"}");
        assertEquals(201, created.status(), created.body());
        boundKey = created.json().get("token").asText();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    static EnvoyClient.Answer checkAs(String identity) {
        int port = URI.create(servers.mutual().baseUrl()).getPort();
        try (EnvoyClient envoy = new EnvoyClient(port, servers.authority().clientFiles(identity))) {
            return envoy.check(EnvoyRequest.of("GET", "/orders/o-17").from(EnvoyRequest.CHECKOUT).build(), boundKey);
        }
    }

    @Test
    void envoysCertificateAndItsBoundKeyGetDecisionsOverH2() throws Exception {
        EnvoyClient.Answer answer = checkAs(ENVOY);
        assertEquals("0", answer.grpcStatus(), answer.headers().get("grpc-message"));
        assertEquals(0, answer.checkResponse().getStatus().getCode());
    }

    @Test
    void theBoundKeyWithAnotherCertificateIsUnauthenticated() {
        assertEquals("16", checkAs(TlsServers.INTRUDER).grpcStatus());
    }
}
