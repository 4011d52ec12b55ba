package dev.arbiter.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.ConditionCompiler;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.store.PolicyJson;
import dev.arbiter.store.PolicyRepository;
import dev.arbiter.store.Precondition;
import dev.arbiter.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicySyncTest {

    private DataSource dataSource;
    private PolicyRepository repository;
    private DecisionEngine engine;
    private PolicySync sync;

    @BeforeEach
    void freshStore() {
        dataSource = TestDatabases.fresh();
        repository = new PolicyRepository(dataSource);
        engine = new DecisionEngine(Clock.systemUTC());
        sync = new PolicySync(repository, new PolicyCompiler(new ConditionCompiler(100)), engine);
    }

    private void write(String id, String action) {
        repository.put(PolicyJson.read(("""
                {"id": "%s", "service": "s", "rules": [{"name": "r", "effect": "allow", "roles": ["*"], "actions": ["%s"]}]}""")
                .formatted(id, action).getBytes(StandardCharsets.UTF_8)), Precondition.NONE, "test");
    }

    private boolean allows(String action) {
        return engine.decide(new CheckRequest(new Principal("p", List.of(), Map.of()), action,
                new Resource("s", "", "", Map.of()), Map.of(), 0)).allow();
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
}
