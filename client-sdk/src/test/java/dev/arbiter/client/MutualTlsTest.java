package dev.arbiter.client;

import static dev.arbiter.client.testing.DesignExample.chargeCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.TestServer;
import dev.arbiter.server.testing.TlsServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with client certificates, and keys bound to a workload's certificate identity. */
class MutualTlsTest {

    @TempDir
    static Path certificates;

    static TlsServers servers;
    static ArbiterAdmin admin;

    @BeforeAll
    static void start() {
        servers = TlsServers.start(certificates);
        admin = adminOf(servers.mutual(), TlsServers.OPERATOR);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    static ArbiterAdmin adminOf(TestServer server, String identity) {
        return ArbiterAdmin.builder().endpoint(server.baseUrl()).token(TestServer.ADMIN_TOKEN)
                .sslContext(servers.authority().clientContext(identity)).build();
    }

    static ArbiterClient clientOf(String identity, String token) {
        return ArbiterClient.builder().endpoints(servers.mutual().baseUrl()).token(token).timeout(Duration.ofSeconds(10))
                .sslContext(servers.authority().clientContext(identity)).build();
    }

    @Test
    void aBoundKeyDecidesOnlyForItsWorkloadsCertificate() {
        CreatedKey bound = admin.keys().createBound("bound-checkout", TlsServers.CHECKOUT, KeyRole.CHECK);
        assertEquals(TlsServers.CHECKOUT, bound.key().identity());
        assertEquals(Set.of(KeyRole.CHECK), bound.key().roles());
        ApiKey listed = admin.keys().list().stream().filter(key -> key.name().equals("bound-checkout"))
                .findFirst().orElseThrow();
        assertEquals(bound.key(), listed, "the binding is listed");

        try (ArbiterClient checkout = clientOf(TlsServers.CHECKOUT, bound.token())) {
            Decision decision = checkout.check(chargeCheck(1));
            assertFalse(decision.failedClosed(), decision.reason());
        }
        try (ArbiterClient intruder = clientOf(TlsServers.INTRUDER, bound.token())) {
            ArbiterApiException stolen = assertThrows(ArbiterApiException.class, () -> intruder.check(chargeCheck(1)));
            assertEquals(401, stolen.status());
            assertTrue(stolen.getMessage().contains(TlsServers.CHECKOUT), stolen.getMessage());
        }
    }

    @Test
    void anUnboundKeyHasNoIdentity() {
        CreatedKey unbound = admin.keys().create("unbound", KeyRole.CHECK);
        assertNull(unbound.key().identity());
        try (ArbiterClient anyone = clientOf(TlsServers.INTRUDER, unbound.token())) {
            assertFalse(anyone.check(chargeCheck(1)).failedClosed());
        }
    }

    @Test
    void bindingNeedsMutualTlsAndAUri() {
        ArbiterApiException withoutMutualTls = assertThrows(ArbiterApiException.class,
                () -> adminOf(servers.httpsOnly(), null).keys().createBound("cannot-bind", TlsServers.CHECKOUT, KeyRole.CHECK));
        assertEquals(422, withoutMutualTls.status());
        assertEquals("invalid_key", withoutMutualTls.code());
        assertEquals("identity", withoutMutualTls.details().get(0).path());

        ArbiterApiException notAUri = assertThrows(ArbiterApiException.class,
                () -> admin.keys().createBound("bad-identity", "checkout service", KeyRole.CHECK));
        assertEquals(422, notAUri.status());
        assertTrue(notAUri.details().get(0).message().contains("URI"), notAUri.details().get(0).message());
        assertThrows(IllegalArgumentException.class, () -> admin.keys().createBound("empty", "", KeyRole.CHECK));
    }

    @Test
    void withoutTheAuthoritysTrustTheServerIsUnavailable() {
        ArbiterAdmin untrusting = ArbiterAdmin.builder().endpoint(servers.httpsOnly().baseUrl()).token(TestServer.ADMIN_TOKEN)
                .build();
        assertThrows(ArbiterUnavailableException.class, () -> untrusting.keys().list());
        assertTrue(adminOf(servers.httpsOnly(), null).policies().list().policies().isEmpty());
    }
}
