package dev.arbiter.store.jdbc;

import static dev.arbiter.store.jdbc.PolicyRepositoryTest.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.store.TestDatabases;
import dev.arbiter.store.model.ApplyResult;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.StoredPolicy;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BundleApplyTest {

    private PolicyRepository repository;

    @BeforeEach
    void storeWithTwoServices() {
        repository = new PolicyRepository(TestDatabases.fresh());
        repository.put(policy("pay-keep", "payments", "a"), Precondition.NONE, "t");
        repository.put(policy("pay-change", "payments", "a"), Precondition.NONE, "t");
        repository.put(policy("pay-drop", "payments", "a"), Precondition.NONE, "t");
        repository.put(policy("bill", "billing", "a"), Precondition.NONE, "t");
    }

    private static PolicyBundle paymentsBundle() {
        return PolicyBundle.ofPolicies(List.of(
                policy("pay-keep", "payments", "a"),
                policy("pay-change", "payments", "b"),
                policy("pay-new", "payments", "a")));
    }

    private static List<String> ids(String service, PolicyRepository repository) {
        return repository.list(Optional.of(service)).policies().stream().map(StoredPolicy::id).toList();
    }

    @Test
    void makesTheNamedServicesEqualToTheBundleUnderOneRevision() {
        ApplyResult result = repository.apply(paymentsBundle(), OptionalLong.empty(), "ci");
        assertTrue(result.written());
        assertEquals(5, result.revision());
        assertEquals(List.of("pay-new"), result.created());
        assertEquals(List.of("pay-change"), result.updated());
        assertEquals(List.of("pay-drop"), result.deleted());
        assertEquals(List.of("pay-keep"), result.unchanged());

        assertEquals(5, repository.currentRevision());
        assertEquals(List.of("pay-change", "pay-keep", "pay-new"), ids("payments", repository));
        assertEquals(List.of("bill"), ids("billing", repository), "a service the bundle does not name is untouched");
        assertEquals(1, repository.find("pay-keep").orElseThrow().version(), "unchanged policies get no new version");
        assertEquals(2, repository.find("pay-change").orElseThrow().version());
        assertEquals(5, repository.find("pay-new").orElseThrow().revision());
        assertTrue(repository.version("pay-drop", 2).orElseThrow().deleted());
        assertEquals(5, repository.version("pay-drop", 2).orElseThrow().revision());
        assertEquals("ci", repository.find("pay-new").orElseThrow().updatedBy());
    }

    @Test
    void applyingTheSameBundleAgainWritesNothing() {
        repository.apply(paymentsBundle(), OptionalLong.empty(), "ci");
        ApplyResult again = repository.apply(paymentsBundle(), OptionalLong.empty(), "ci");
        assertFalse(again.written());
        assertEquals(5, again.revision());
        assertEquals(List.of("pay-change", "pay-keep", "pay-new"), again.unchanged());
        assertEquals(5, repository.currentRevision());
    }

    @Test
    void aPlanAnswersTheSameDifferenceWithoutWriting() {
        ApplyResult plan = repository.planApply(paymentsBundle(), OptionalLong.empty());
        assertFalse(plan.written());
        assertEquals(4, plan.revision());
        assertEquals(List.of("pay-new"), plan.created());
        assertEquals(List.of("pay-drop"), plan.deleted());
        assertEquals(4, repository.currentRevision());
        assertEquals(List.of("pay-change", "pay-drop", "pay-keep"), ids("payments", repository));
    }

    @Test
    void anExplicitServiceWithNoPoliciesIsEmptied() {
        ApplyResult result = repository.apply(new PolicyBundle(new TreeSet<>(Set.of("billing")), List.of()),
                OptionalLong.empty(), "ci");
        assertEquals(List.of("bill"), result.deleted());
        assertEquals(List.of(), ids("billing", repository));
        assertEquals(3, ids("payments", repository).size());
    }

    @Test
    void aPolicyMayMoveToANamedService() {
        ApplyResult result = repository.apply(PolicyBundle.ofPolicies(List.of(policy("bill", "payments", "a"))),
                OptionalLong.empty(), "ci");
        assertEquals(List.of("bill"), result.updated());
        assertEquals(List.of("pay-change", "pay-drop", "pay-keep"), result.deleted());
        assertEquals(List.of("bill"), ids("payments", repository));
        assertEquals(List.of(), ids("billing", repository));
    }

    @Test
    void unchangedSinceGuardsTheScopeOnly() {
        long planned = repository.currentRevision();
        repository.put(policy("bill", "billing", "b"), Precondition.NONE, "other-team");
        ApplyResult result = repository.apply(paymentsBundle(), OptionalLong.of(planned), "ci");
        assertTrue(result.written(), "a change to another service does not stop the apply");

        long applied = repository.currentRevision();
        repository.put(policy("pay-late", "payments", "a"), Precondition.NONE, "someone");
        PreconditionFailedException stale = assertThrows(PreconditionFailedException.class,
                () -> repository.apply(paymentsBundle(), OptionalLong.of(applied), "ci"));
        assertTrue(stale.getMessage().contains("pay-late"), stale.getMessage());
        assertThrows(PreconditionFailedException.class,
                () -> repository.planApply(paymentsBundle(), OptionalLong.of(applied)));
        assertTrue(repository.find("pay-late").isPresent(), "the stale apply deleted nothing");
    }

    @Test
    void unchangedSinceSeesPoliciesThatLeftTheScope() {
        long planned = repository.currentRevision();
        repository.put(policy("pay-drop", "billing", "a"), Precondition.NONE, "someone");
        assertThrows(PreconditionFailedException.class,
                () -> repository.apply(paymentsBundle(), OptionalLong.of(planned), "ci"), "moved out of payments");

        long moved = repository.currentRevision();
        repository.delete("pay-change", Precondition.NONE, "someone");
        assertThrows(PreconditionFailedException.class,
                () -> repository.apply(paymentsBundle(), OptionalLong.of(moved), "ci"), "deleted from payments");

        long deleted = repository.currentRevision();
        repository.delete("pay-drop", Precondition.NONE, "someone");
        assertTrue(repository.apply(paymentsBundle(), OptionalLong.of(deleted), "ci").written(),
                "a policy deleted from billing was not in the scope");
    }

    @Test
    void aRevisionTheStoreHasNotReachedIsRefused() {
        assertThrows(PreconditionFailedException.class,
                () -> repository.apply(paymentsBundle(), OptionalLong.of(repository.currentRevision() + 1), "ci"));
        assertEquals(4, repository.currentRevision());
    }
}
