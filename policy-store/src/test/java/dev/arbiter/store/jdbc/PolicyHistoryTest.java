package dev.arbiter.store.jdbc;

import static dev.arbiter.store.jdbc.PolicyRepositoryTest.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.store.TestDatabases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyHistoryTest {

    private PolicyRepository repository;

    @BeforeEach
    void freshDatabase() {
        repository = new PolicyRepository(TestDatabases.fresh());
    }

    @Test
    void keepsEveryVersionWithWhoAndWhenNewestFirstDeletionsIncluded() {
        repository.put(policy("p", "s", "a"), Precondition.NONE, "alice");
        repository.put(policy("p", "s", "b"), Precondition.NONE, "bob");
        repository.delete("p", Precondition.NONE, "carol");

        List<PolicyVersion> history = repository.history("p");
        assertEquals(List.of(3, 2, 1), history.stream().map(PolicyVersion::version).toList());
        assertEquals(List.of(3L, 2L, 1L), history.stream().map(PolicyVersion::revision).toList());
        assertEquals(List.of("carol", "bob", "alice"), history.stream().map(PolicyVersion::updatedBy).toList());
        assertTrue(history.get(0).deleted());
        assertNull(history.get(0).policy());
        assertFalse(history.get(1).deleted());
        assertEquals(List.of("b"), history.get(1).policy().rules().get(0).actions());
        assertFalse(history.get(2).updatedAt().isAfter(history.get(0).updatedAt()));
        assertEquals(List.of(), repository.history("never-written"));
    }

    @Test
    void readsOneVersion() {
        repository.put(policy("p", "s", "a"), Precondition.NONE, "alice");
        repository.put(policy("p", "s", "b"), Precondition.NONE, "bob");
        PolicyVersion first = repository.version("p", 1).orElseThrow();
        assertEquals(List.of("a"), first.policy().rules().get(0).actions());
        assertEquals("alice", first.updatedBy());
        assertNull(first.restoredFrom());
        assertEquals(Optional.empty(), repository.version("p", 3));
        assertEquals(Optional.empty(), repository.version("q", 1));
    }

    @Test
    void restoringWritesANewVersionEqualToTheOldOne() {
        repository.put(policy("p", "s", "a"), Precondition.NONE, "alice");
        repository.put(policy("p", "s", "b"), Precondition.NONE, "bob");
        PolicyWrite restored = repository.restore(repository.version("p", 1).orElseThrow(), Precondition.ifVersion(2),
                "carol");
        assertFalse(restored.created());
        assertEquals(3, restored.stored().version());
        assertEquals(3, restored.stored().revision());
        assertEquals(repository.version("p", 1).orElseThrow().policy(), repository.find("p").orElseThrow().policy());
        assertEquals(1, repository.version("p", 3).orElseThrow().restoredFrom());
    }

    @Test
    void restoringADeletedPolicyRecreatesIt() {
        repository.put(policy("p", "s", "a"), Precondition.NONE, "alice");
        repository.delete("p", Precondition.NONE, "bob");
        PolicyWrite restored = repository.restore(repository.version("p", 1).orElseThrow(), Precondition.IF_ABSENT,
                "carol");
        assertTrue(restored.created());
        assertEquals(3, restored.stored().version());
        assertEquals(List.of("a"), repository.find("p").orElseThrow().policy().rules().get(0).actions());
    }

    @Test
    void aStaleRestoreChangesNothing() {
        repository.put(policy("p", "s", "a"), Precondition.NONE, "alice");
        repository.put(policy("p", "s", "b"), Precondition.NONE, "bob");
        PolicyVersion first = repository.version("p", 1).orElseThrow();
        assertThrows(PreconditionFailedException.class,
                () -> repository.restore(first, Precondition.ifVersion(1), "carol"));
        assertEquals(2, repository.currentRevision());
        assertEquals(2, repository.history("p").size());
    }
}
