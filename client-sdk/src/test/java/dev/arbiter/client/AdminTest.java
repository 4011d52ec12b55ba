package dev.arbiter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.client.testing.DesignExample;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin client's policy and key calls against a real server. */
class AdminTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ArbiterAdmin admin;

    @BeforeAll
    static void connect() {
        admin = adminWith(TestServer.ADMIN_TOKEN);
    }

    static ArbiterAdmin adminWith(String token) {
        return ArbiterAdmin.builder().endpoint(arbiter.server().baseUrl()).token(token).build();
    }

    static Policy inventory(String id) {
        return Policy.of(id, "inventory").description("stock readers")
                .rules(Rule.allow("readers").roles("warehouse").actions("items:read").kinds("item"));
    }

    @Test
    void aPolicyIsCreatedReadReplacedAndDeleted() {
        Instant before = Instant.now().minusSeconds(60);
        PolicyWrite created = admin.policies().put(DesignExample.policy().mode(PolicyMode.DRY_RUN));
        assertTrue(created.created());
        assertEquals(1, created.stored().version());
        assertEquals(DesignExample.policy().mode(PolicyMode.DRY_RUN), created.stored().policy(), "round trip");
        assertEquals("admin", created.stored().updatedBy());
        assertTrue(created.stored().updatedAt().isAfter(before));

        StoredPolicy read = admin.policies().get("payments-api").orElseThrow();
        assertEquals(created.stored(), read);

        PolicyWrite replaced = admin.policies().put(read.policy().mode(PolicyMode.ENFORCE));
        assertFalse(replaced.created());
        assertEquals(2, replaced.stored().version());
        assertTrue(replaced.revision() > created.revision());

        long deleted = admin.policies().delete("payments-api");
        assertTrue(deleted > replaced.revision());
        assertTrue(admin.policies().get("payments-api").isEmpty());
        assertEquals(404, assertThrows(ArbiterApiException.class, () -> admin.policies().delete("payments-api"))
                .status());
    }

    @Test
    void listsAllOrByService() {
        admin.policies().put(Policy.of("shipping-b", "shipping").rules(Rule.allow("r").roles("*").actions("a")));
        admin.policies().put(Policy.of("shipping-a", "shipping").rules(Rule.allow("r").roles("*").actions("a")));
        admin.policies().put(Policy.of("everyone", "*").rules(Rule.deny("no-debug").roles("*").actions("debug:*")));

        PolicyList all = admin.policies().list();
        assertTrue(all.policies().size() >= 3);
        assertTrue(all.revision() >= 3);
        List<String> shipping = admin.policies().list("shipping").policies().stream()
                .map(stored -> stored.policy().id()).toList();
        assertEquals(List.of("shipping-a", "shipping-b"), shipping);
        assertEquals(List.of("everyone"), admin.policies().list("*").policies().stream()
                .map(stored -> stored.policy().id()).toList());
        assertEquals(List.of(), admin.policies().list("no such service").policies());
    }

    @Test
    void conditionalWritesHonourVersions() {
        PolicyWrite first = admin.policies().put(inventory("guarded"), Precondition.ifAbsent());
        ArbiterApiException exists = assertThrows(ArbiterApiException.class,
                () -> admin.policies().put(inventory("guarded"), Precondition.ifAbsent()));
        assertEquals(412, exists.status());

        PolicyWrite second = admin.policies().put(inventory("guarded").description("v2"),
                Precondition.ifVersion(first.stored().version()));
        assertEquals(2, second.stored().version());
        ArbiterApiException stale = assertThrows(ArbiterApiException.class,
                () -> admin.policies().put(inventory("guarded"), Precondition.ifVersion(1)));
        assertEquals("precondition_failed", stale.code());
        assertThrows(ArbiterApiException.class, () -> admin.policies().delete("guarded", Precondition.ifVersion(1)));
        assertTrue(admin.policies().delete("guarded", Precondition.ifVersion(2)) > second.revision());
    }

    @Test
    void anInvalidPolicyIsRefusedWithTheLocationOfTheError() {
        Policy broken = Policy.of("broken", "payments").rules(Rule.allow("typo").roles("*").actions("x")
                .condition("resource.attr.amount <= 10000 && principle.attr.env == \"prod\""));
        ArbiterApiException refused = assertThrows(ArbiterApiException.class, () -> admin.policies().put(broken));
        assertEquals(422, refused.status());
        assertEquals("invalid_policy", refused.code());
        ArbiterApiException.Problem problem = refused.details().get(0);
        assertEquals("rules[0].condition", problem.path());
        assertEquals("typo", problem.rule());
        assertEquals(1, problem.line());
        assertEquals(34, problem.column());
        assertTrue(admin.policies().get("broken").isEmpty(), "nothing was stored");

        ArbiterApiException badId = assertThrows(ArbiterApiException.class,
                () -> admin.policies().put(inventory("Not A Valid Id")));
        assertEquals(422, badId.status());
        assertThrows(IllegalArgumentException.class, () -> Policy.of("", "payments"));
        assertThrows(IllegalArgumentException.class, () -> Rule.allow(null));
    }

    @Test
    void keysAreCreatedListedAndRevoked() {
        CreatedKey created = admin.keys().create("deployer", KeyRole.POLICY_ADMIN, KeyRole.AUDITOR);
        assertTrue(created.token().startsWith("arb_"));
        assertFalse(created.toString().contains(created.token()), "tokens stay out of logs");
        assertEquals(Set.of(KeyRole.POLICY_ADMIN, KeyRole.AUDITOR), created.key().roles());
        assertEquals("admin", created.key().createdBy());

        ApiKey listed = admin.keys().list().stream().filter(key -> key.name().equals("deployer")).findFirst()
                .orElseThrow();
        assertEquals(created.key(), listed);

        ArbiterAdmin deployer = adminWith(created.token());
        assertEquals(1, deployer.policies().put(inventory("deployed")).stored().version());
        assertEquals("deployer", deployer.policies().get("deployed").orElseThrow().updatedBy());
        ArbiterApiException forbidden = assertThrows(ArbiterApiException.class, () -> deployer.keys().list());
        assertEquals(403, forbidden.status());

        assertEquals(409, assertThrows(ArbiterApiException.class,
                () -> admin.keys().create("deployer", KeyRole.CHECK)).status());
        admin.keys().delete("deployer");
        assertEquals(401, assertThrows(ArbiterApiException.class, () -> deployer.policies().list()).status());
        assertEquals(404, assertThrows(ArbiterApiException.class, () -> admin.keys().delete("deployer")).status());
    }

    @Test
    void anAuditorReadsButDoesNotWrite() {
        ArbiterAdmin auditor = adminWith(admin.keys().create("auditor", KeyRole.AUDITOR).token());
        admin.policies().put(inventory("audited"));
        assertTrue(auditor.policies().get("audited").isPresent());
        assertEquals(403, assertThrows(ArbiterApiException.class,
                () -> auditor.policies().put(inventory("audited"))).status());
    }

    @Test
    void noServerIsAnUnavailableException() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ArbiterAdmin nowhere = ArbiterAdmin.builder().endpoint("http://127.0.0.1:" + port).token("arb_x")
                .timeout(Duration.ofSeconds(5)).build();
        ArbiterUnavailableException thrown = assertThrows(ArbiterUnavailableException.class,
                () -> nowhere.policies().list());
        assertEquals(Decision.Failure.CONNECTION_FAILED, thrown.failure());
    }

    @Test
    void buildersRefuseIncompleteSettings() {
        assertThrows(IllegalStateException.class, () -> ArbiterAdmin.builder().token("t").build());
        assertThrows(IllegalArgumentException.class, () -> ArbiterAdmin.builder().endpoint("arbiter:8700"));
        assertThrows(IllegalArgumentException.class, () -> ArbiterAdmin.builder().timeout(Duration.ZERO));
    }
}
