package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.server.testing.TlsServers;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS, mutual TLS, and keys bound to a workload's certificate identity. */
class TlsTest {

    @TempDir
    static Path certificates;

    static TlsServers servers;

    @BeforeAll
    static void start() {
        servers = TlsServers.start(certificates);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    private static ApiClient over(TestServer server, String identity, String token) {
        SSLContext tls = servers.authority().clientContext(identity);
        return server.client(tls, token);
    }

    private static String createKey(ApiClient admin, String body) {
        ApiClient.Response created = admin.post("/v1/keys", body);
        assertEquals(201, created.status(), created.body());
        return created.json().get("token").asText();
    }

    @Test
    void servesTheApiOverHttpsOnly() {
        assertEquals(200, over(servers.httpsOnly(), null, TestServer.ADMIN_TOKEN).get("/v1/policies").status());
        ApiClient plain = new ApiClient(servers.httpsOnly().baseUrl().replace("https://", "http://"), TestServer.ADMIN_TOKEN);
        assertThrows(IllegalStateException.class, () -> plain.get("/v1/policies"));
    }

    @Test
    void mutualTlsRefusesClientsWithoutACertificate() {
        assertThrows(IllegalStateException.class, () -> over(servers.mutual(), null, TestServer.ADMIN_TOKEN).get("/health/live"));
        assertEquals(200, over(servers.mutual(), TlsServers.OPERATOR, TestServer.ADMIN_TOKEN).get("/health/live").status());
    }

    @Test
    void aBoundKeyWorksOnlyWithItsWorkloadsCertificate() {
        ApiClient admin = over(servers.mutual(), TlsServers.OPERATOR, TestServer.ADMIN_TOKEN);
        ApiClient.Response created = admin.post("/v1/keys",
                "{\"name\": \"bound-checkout\", \"roles\": [\"check\"], \"identity\": \"" + TlsServers.CHECKOUT + "\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals(TlsServers.CHECKOUT, created.json().get("identity").asText());
        String token = created.json().get("token").asText();

        assertEquals(200, over(servers.mutual(), TlsServers.CHECKOUT, token).post("/v1/check", Policies.check("a", "s")).status());
        ApiClient.Response stolen = over(servers.mutual(), TlsServers.INTRUDER, token).post("/v1/check", Policies.check("a", "s"));
        assertEquals(401, stolen.status());
        assertTrue(stolen.json().get("error").get("message").asText().contains(TlsServers.CHECKOUT));
        assertTrue(admin.get("/v1/keys").body().contains(TlsServers.CHECKOUT), "the binding is listed");
    }

    @Test
    void anUnboundKeyWorksWithAnyTrustedCertificate() {
        String token = createKey(over(servers.mutual(), TlsServers.OPERATOR, TestServer.ADMIN_TOKEN),
                "{\"name\": \"unbound\", \"roles\": [\"check\"]}");
        assertEquals(200, over(servers.mutual(), TlsServers.INTRUDER, token).post("/v1/check", Policies.check("a", "s")).status());
    }

    @Test
    void bindingNeedsMutualTlsAndAUri() {
        ApiClient.Response withoutMutualTls = over(servers.httpsOnly(), null, TestServer.ADMIN_TOKEN).post("/v1/keys",
                "{\"name\": \"cannot-bind\", \"roles\": [\"check\"], \"identity\": \"" + TlsServers.CHECKOUT + "\"}");
        assertEquals(422, withoutMutualTls.status());
        assertTrue(withoutMutualTls.body().contains("ARBITER_TLS_CLIENT_CA"));

        ApiClient.Response notAUri = over(servers.mutual(), TlsServers.OPERATOR, TestServer.ADMIN_TOKEN).post("/v1/keys",
                "{\"name\": \"bad-identity\", \"roles\": [\"check\"], \"identity\": \"checkout service\"}");
        assertEquals(422, notAUri.status());
        assertEquals("identity", notAUri.json().get("error").get("details").get(0).get("path").asText());
    }
}
