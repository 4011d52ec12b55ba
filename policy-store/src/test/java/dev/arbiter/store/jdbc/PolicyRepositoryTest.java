package dev.arbiter.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.store.TestDatabases;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.StoredPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyRepositoryTest {

    private PolicyRepository repository;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabases.fresh();
        repository = new PolicyRepository(dataSource);
    }

    static Policy policy(String id, String service, String action) {
        return PolicyJson.read(("""
                {"id": "%s", "service": "%s", "rules": [
                  {"name": "r", "effect": "allow", "roles": ["*"], "actions": ["%s"]}]}""")
                .formatted(id, service, action).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void createReplaceAndDeleteEachBumpTheRevisionOnce() {
        assertEquals(0, repository.currentRevision());
        PolicyWrite created = repository.put(policy("p", "s", "a"), Precondition.NONE, "alice");
        assertTrue(created.created());
        assertEquals(1, created.stored().version());
        assertEquals(1, created.stored().revision());
        assertEquals("alice", created.stored().updatedBy());

        PolicyWrite replaced = repository.put(policy("p", "s", "b"), Precondition.NONE, "bob");
        assertFalse(replaced.created());
        assertEquals(2, replaced.stored().version());
        assertEquals(2, replaced.stored().revision());
        assertEquals(List.of("b"), repository.find("p").orElseThrow().policy().rules().get(0).actions());

        assertEquals(3, repository.delete("p", Precondition.NONE, "carol"));
        assertEquals(Optional.empty(), repository.find("p"));
        assertEquals(3, repository.currentRevision());
    }

    @Test
    void aRecreatedPolicyContinuesItsVersions() {
        repository.put(policy("p", "s", "a"), Precondition.NONE, "t");
        repository.delete("p", Precondition.NONE, "t");
        PolicyWrite again = repository.put(policy("p", "s", "a"), Precondition.NONE, "t");
        assertTrue(again.created());
        assertEquals(3, again.stored().version());
    }

    @Test
    void failedWritesChangeNothingAndKeepTheRevision() {
        repository.put(policy("p", "s", "a"), Precondition.NONE, "t");
        assertThrows(PreconditionFailedException.class,
                () -> repository.put(policy("p", "s", "b"), Precondition.ifVersion(7), "t"));
        assertThrows(PreconditionFailedException.class,
                () -> repository.put(policy("p", "s", "b"), Precondition.IF_ABSENT, "t"));
        assertThrows(PreconditionFailedException.class,
                () -> repository.put(policy("q", "s", "b"), Precondition.IF_EXISTS, "t"));
        assertThrows(PreconditionFailedException.class,
                () -> repository.delete("p", Precondition.ifVersion(2), "t"));
        assertThrows(PolicyNotFoundException.class, () -> repository.delete("missing", Precondition.NONE, "t"));
        assertEquals(1, repository.currentRevision());
        assertEquals(1, repository.find("p").orElseThrow().version());
        assertEquals(List.of("a"), repository.find("p").orElseThrow().policy().rules().get(0).actions());
        assertEquals(Optional.empty(), repository.find("q"));
    }

    @Test
    void preconditionsThatHoldLetTheWriteThrough() {
        repository.put(policy("p", "s", "a"), Precondition.IF_ABSENT, "t");
        repository.put(policy("p", "s", "b"), Precondition.ifVersion(1), "t");
        repository.put(policy("p", "s", "c"), Precondition.IF_EXISTS, "t");
        assertEquals(3, repository.find("p").orElseThrow().version());
        repository.delete("p", Precondition.ifVersion(3), "t");
        assertEquals(Optional.empty(), repository.find("p"));
    }

    @Test
    void listsByServiceAtOneRevision() {
        repository.put(policy("b", "payments", "a"), Precondition.NONE, "t");
        repository.put(policy("a", "payments", "a"), Precondition.NONE, "t");
        repository.put(policy("c", "*", "a"), Precondition.NONE, "t");
        PolicyListing all = repository.list(Optional.empty());
        assertEquals(3, all.revision());
        assertEquals(List.of("a", "b", "c"), all.policies().stream().map(StoredPolicy::id).toList());
        assertEquals(List.of("a", "b"),
                repository.list(Optional.of("payments")).policies().stream().map(StoredPolicy::id).toList());
        assertEquals(List.of("c"), repository.list(Optional.of("*")).policies().stream().map(StoredPolicy::id).toList());
    }

    @Test
    void changesSinceGivesTheLatestVersionsAndDeletions() {
        repository.put(policy("keep", "s", "a"), Precondition.NONE, "t");
        repository.put(policy("gone", "s", "a"), Precondition.NONE, "t");
        long seen = repository.currentRevision();
        repository.put(policy("keep", "s", "b"), Precondition.NONE, "t");
        repository.put(policy("keep", "s", "c"), Precondition.NONE, "t");
        repository.delete("gone", Precondition.NONE, "t");
        repository.put(policy("new", "s", "a"), Precondition.NONE, "t");

        PolicyChanges changes = repository.changesSince(seen);
        assertEquals(6, changes.revision());
        assertEquals(List.of("gone"), changes.deleted());
        assertEquals(List.of("keep", "new"), changes.written().stream().map(StoredPolicy::id).toList());
        assertEquals(List.of("c"), changes.written().get(0).policy().rules().get(0).actions());
        assertEquals(List.of(), repository.changesSince(6).written());
    }

    @Test
    void concurrentWritersGetDistinctConsecutiveRevisions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "p" + (i % 5);
                writes.add(() -> repository.put(policy(id, "s", "a"), Precondition.NONE, "t").stored().revision());
            }
            List<Long> revisions = new ArrayList<>();
            for (Future<Long> result : pool.invokeAll(writes)) {
                revisions.add(result.get());
            }
            assertEquals(40, revisions.stream().distinct().count());
            assertEquals(40, repository.currentRevision());
            for (int i = 0; i < 5; i++) {
                assertEquals(8, repository.find("p" + i).orElseThrow().version());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
