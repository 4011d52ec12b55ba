package dev.arbiter.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.ConditionCompiler;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicySet;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.store.TestDatabases;
import dev.arbiter.store.jdbc.PolicyListing;
import dev.arbiter.store.jdbc.PolicyRepository;
import dev.arbiter.store.jdbc.StoreFeed;
import dev.arbiter.store.jdbc.Precondition;
import dev.arbiter.store.model.PolicyJson;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreSyncTest {

    private DataSource dataSource;
    private PolicyRepository repository;
    private DecisionEngine engine;
    private StoreSync sync;

    @BeforeEach
    void freshStore() {
        dataSource = TestDatabases.fresh();
        repository = new PolicyRepository(dataSource);
        engine = new DecisionEngine();
        sync = new StoreSync(new StoreFeed(dataSource), new PolicyCompiler(new ConditionCompiler(100)), engine);
    }

    private void write(String json) {
        repository.put(PolicyJson.read(json.getBytes(StandardCharsets.UTF_8)), Precondition.NONE, "test");
    }

    private void write(String id, String action) {
        write("""
                {"id": "%s", "service": "s", "rules": [{"name": "r", "effect": "allow", "roles": ["*"], "actions": ["%s"]}]}"""
                .formatted(id, action));
    }

    private boolean allows(String action) {
        return engine.decide(new CheckRequest(new Principal("p", List.of(), Map.of()), action,
                new Resource("s", "", "", Map.of()), Map.of(), 0), NOW).allow();
    }

    @Test
    void catchUpAppliesOnlyWhatChanged() {
        write("a", "read");
        sync.loadAll();
        assertEquals(1, engine.policies().revision());
        write("b", "write");
        write("a", "list");
        repository.delete("b", Precondition.NONE, "test");
        assertEquals(4, sync.catchUp());
        assertEquals(1, engine.policies().size());
        assertTrue(allows("list"));
        assertFalse(allows("read"));
        assertFalse(allows("write"));
        assertEquals(4, sync.catchUp(), "nothing new: nothing changes");
    }

    @Test
    void aStoreThatWentBackwardsIsReloadedWhole() throws Exception {
        write("a", "read");
        write("b", "write");
        sync.loadAll();
        assertEquals(2, engine.policies().revision());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM policies WHERE id = 'b'");
            statement.execute("DELETE FROM policy_versions WHERE policy_id = 'b'");
            statement.execute("UPDATE store_revision SET revision = 1");
        }
        assertEquals(1, sync.catchUp());
        assertEquals(1, engine.policies().size());
        assertFalse(allows("write"), "the write the store lost is no longer enforced");
        write("c", "delete");
        assertEquals(2, sync.catchUp());
        assertTrue(allows("delete"), "writes after the rollback are picked up");
    }

    @Test
    void theParallelLoadDecidesExactlyAsPoliciesCompiledOneByOne() throws Exception {
        write(DESIGN_EXAMPLE);
        for (int p = 0; p < GENERATED; p++) {
            write(generated("policy-" + p, "service-" + p % 10, p));
        }
        write(generated("legacy-reads", "legacy-r", 1));
        write(generated("legacy-writes", "legacy-w", 2));
        storeUncompilableCondition("legacy-reads", 0, "principal.attr.level >=");
        storeUncompilableCondition("legacy-writes", 1, "resource.attr.amount + 'x'");

        sync.loadAll();

        PolicyListing listing = repository.list(Optional.empty());
        PolicyCompiler oneByOne = new PolicyCompiler(new ConditionCompiler(10_000));
        DecisionEngine reference = new DecisionEngine();
        reference.install(PolicySet.of(listing.revision(), listing.policies().stream().map(oneByOne::compile).toList()));
        assertEquals(GENERATED + 3, engine.policies().size(), "a condition that does not compile loses no policy");
        assertEquals(reference.policies().revision(), engine.policies().revision());
        for (CheckRequest request : requests()) {
            assertEquals(reference.explain(request, NOW), engine.explain(request, NOW), request.toString());
        }

        assertTrue(engine.decide(request("spiffe://acme.prod/ns/shop/sa/checkout", "charges:create", "payments",
                "charge", "prod", "prod", 500), NOW).allow(), "DESIGN.md's example allows a small same-env charge");
        Decision crossEnvRefund = engine.decide(
                request("anyone", "refunds:create", "payments", "refund", "prod", "dev", 1), NOW);
        assertFalse(crossEnvRefund.allow());
        assertEquals("no-cross-env-refunds", crossEnvRefund.rule());
        Decision brokenAllow = engine.decide(request("user-1", "act:read", "legacy-r", "doc", "prod", "prod", 1), NOW);
        assertFalse(brokenAllow.allow(), "an allow rule whose condition does not compile never allows");
        assertTrue(brokenAllow.reason().contains("does not compile"), brokenAllow.reason());
        Decision brokenDeny = engine.decide(request("user-1", "act:write", "legacy-w", "doc", "prod", "prod", 1), NOW);
        assertFalse(brokenDeny.allow(), "a deny rule whose condition does not compile denies");
        assertTrue(brokenDeny.reason().contains("does not compile"), brokenDeny.reason());
    }

    private static final int GENERATED = 300;
    private static final long NOW = Micros.of(Instant.parse("2026-11-22T12:00:00Z"));
    private static final String DESIGN_EXAMPLE = """
            {"id": "payments-api", "service": "payments", "rules": [
              {"name": "checkout-can-charge", "effect": "allow", "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"],
               "roles": [], "actions": ["charges:create", "charges:read"], "kinds": ["charge"],
               "condition": "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"},
              {"name": "no-cross-env-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:*"],
               "condition": "principal.attr.env != resource.attr.env"}]}""";

    /**
     * An allow rule whose condition repeats across policies (a shared compilation) and a deny rule
     * whose condition is the policy's own.
     */
    private static String generated(String id, String service, int p) {
        return """
                {"id": "%s", "service": "%s", "rules": [
                  {"name": "readers", "effect": "allow", "principals": ["user-*"], "actions": ["act:read"],
                   "condition": "principal.attr.level >= %d && principal.attr.env == resource.attr.env"},
                  {"name": "no-big-writes", "effect": "deny", "roles": ["*"], "actions": ["act:*"],
                   "condition": "resource.attr.amount > %d"},
                  {"name": "writers", "effect": "allow", "principals": ["user-1"], "actions": ["act:write"]}]}"""
                .formatted(id, service, p % 7, 1000 + p);
    }

    /** Stands for a condition that compiled when written but no longer does (an upgrade of the CEL library). */
    private void storeUncompilableCondition(String policyId, int rule, String condition) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE policies SET document = jsonb_set(document, ?::text[], to_jsonb(?::text)) WHERE id = ?")) {
            statement.setString(1, "{rules," + rule + ",condition}");
            statement.setString(2, condition);
            statement.setString(3, policyId);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static List<CheckRequest> requests() {
        List<CheckRequest> requests = new ArrayList<>();
        for (String service : List.of("payments", "service-0", "service-3", "service-9", "legacy-r", "legacy-w")) {
            for (String action : List.of("charges:create", "refunds:create", "act:read", "act:write")) {
                for (String principal : List.of("spiffe://acme.prod/ns/shop/sa/checkout", "user-1", "user-2")) {
                    for (int level : List.of(0, 3, 6)) {
                        for (long amount : List.of(1L, 1150L, 20_000L)) {
                            requests.add(request(principal, action, service, "charge", "prod", level == 3 ? "dev" : "prod",
                                    amount, level));
                        }
                    }
                }
            }
        }
        return requests;
    }

    private static CheckRequest request(String principal, String action, String service, String kind,
            String principalEnv, String resourceEnv, long amount) {
        return request(principal, action, service, kind, principalEnv, resourceEnv, amount, 9);
    }

    private static CheckRequest request(String principal, String action, String service, String kind,
            String principalEnv, String resourceEnv, long amount, int level) {
        return new CheckRequest(new Principal(principal, List.of(), Map.of("env", principalEnv, "level", level)), action,
                new Resource(service, kind, "r1", Map.of("env", resourceEnv, "amount", amount)), Map.of(), 0);
    }
}
