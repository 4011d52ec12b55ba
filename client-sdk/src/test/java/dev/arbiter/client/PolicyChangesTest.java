package dev.arbiter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Policy history, rollback, validation, bundles and impact previews against a real server. */
class PolicyChangesTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ArbiterAdmin admin;

    @BeforeAll
    static void connect() {
        admin = ArbiterAdmin.builder().endpoint(arbiter.server().baseUrl()).token(TestServer.ADMIN_TOKEN).build();
    }

    static Policy refunds(String service, int limit) {
        return Policy.of("refunds-" + service, service).rules(Rule.allow("support-refunds").roles("support")
                .actions("refunds:create").condition("resource.attr.amount <= " + limit));
    }

    @Test
    void historyListsEveryVersionAndRollbackRestoresOne() {
        Policy first = refunds("history", 1000);
        admin.policies().put(first);
        admin.policies().put(refunds("history", 500).mode(PolicyMode.DRY_RUN));
        admin.policies().delete(first.id());

        List<PolicyVersion> versions = admin.policies().versions(first.id());
        assertEquals(List.of(3, 2, 1), versions.stream().map(PolicyVersion::version).toList(), "newest first");
        PolicyVersion deletion = versions.get(0);
        assertTrue(deletion.deleted());
        assertNull(deletion.service());
        assertEquals(PolicyMode.DRY_RUN, versions.get(1).mode());
        assertEquals("history", versions.get(1).service());
        assertEquals("admin", versions.get(2).updatedBy());
        assertNull(versions.get(2).restoredFrom());

        VersionedPolicy original = admin.policies().version(first.id(), 1);
        assertEquals(Optional.of(first), original.policy());
        assertEquals(versions.get(2), original.version());
        assertEquals(Optional.empty(), admin.policies().version(first.id(), 3).policy());

        PolicyWrite restored = admin.policies().rollback(first.id(), 1);
        assertTrue(restored.created(), "rolling back a deleted policy re-creates it");
        assertEquals(4, restored.stored().version());
        assertEquals(first, restored.stored().policy());
        assertEquals(1, admin.policies().versions(first.id()).get(0).restoredFrom());

        ArbiterApiException toDeletion = assertThrows(ArbiterApiException.class,
                () -> admin.policies().rollback(first.id(), 3));
        assertEquals(409, toDeletion.status());
        assertEquals("version_is_deletion", toDeletion.code());
        assertEquals(412, assertThrows(ArbiterApiException.class,
                () -> admin.policies().rollback(first.id(), 2, Precondition.ifVersion(1))).status());
        assertEquals(404, assertThrows(ArbiterApiException.class,
                () -> admin.policies().version(first.id(), 99)).status());
        assertEquals(404, assertThrows(ArbiterApiException.class,
                () -> admin.policies().versions("never-written")).status());
    }

    @Test
    void validationAnswersWarningsOrEveryProblemAndStoresNothing() {
        assertEquals(List.of(), admin.policies().validate(refunds("validated", 100)));

        List<PolicyWarning> warnings = admin.policies().validate(Policy.of("frozen", "validated").rules(
                Rule.allow("support-refunds").roles("support").actions("refunds:create"),
                Rule.deny("freeze-refunds").roles("*").actions("refunds:*")));
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("unreachable_rule", warnings.get(0).code());
        assertEquals("rules[0]", warnings.get(0).problem().path());
        assertEquals("support-refunds", warnings.get(0).problem().rule());
        assertTrue(warnings.get(0).problem().message().contains("frozen/freeze-refunds"));

        ArbiterApiException invalid = assertThrows(ArbiterApiException.class, () -> admin.policies().validate(
                Policy.of("broken", "validated").rules(Rule.allow("r").roles("*").actions("a")
                        .condition("resource.attr.amount <"))));
        assertEquals(422, invalid.status());
        assertEquals("rules[0].condition", invalid.details().get(0).path());
        assertTrue(admin.policies().get("frozen").isEmpty());
        assertTrue(admin.policies().get("broken").isEmpty());
    }

    @Test
    void aBundleIsPlannedThenAppliedAllOrNothing() {
        Policy charges = Policy.of("charges", "bundled").rules(Rule.allow("r").roles("*").actions("charges:*"));
        PolicyBundle bundle = PolicyBundle.of(charges, refunds("bundled", 1000));

        ApplyResult plan = admin.policies().planApply(bundle);
        assertTrue(plan.dryRun());
        assertEquals(List.of("bundled"), plan.services());
        assertEquals(new PolicyChanges(List.of("charges", "refunds-bundled"), List.of(), List.of(), List.of()),
                plan.changes());
        assertTrue(admin.policies().get("charges").isEmpty(), "a plan writes nothing");

        ApplyResult applied = admin.policies().apply(bundle);
        assertFalse(applied.dryRun());
        assertEquals(plan.changes(), applied.changes());
        assertEquals(applied.revision(), admin.policies().get("charges").orElseThrow().revision());

        ApplyResult edited = admin.policies().apply(PolicyBundle.of(refunds("bundled", 500)).governing("bundled"));
        assertEquals(new PolicyChanges(List.of(), List.of("refunds-bundled"), List.of("charges"), List.of()),
                edited.changes());
        assertTrue(edited.changes().writes());
        assertFalse(admin.policies().apply(PolicyBundle.of(refunds("bundled", 500))).changes().writes());

        ArbiterApiException invalid = assertThrows(ArbiterApiException.class, () -> admin.policies().apply(
                PolicyBundle.of(charges, Policy.of("bad", "bundled").rules(Rule.allow("r").roles("*").actions("a")
                        .condition("nope(")))));
        assertEquals(422, invalid.status());
        assertTrue(invalid.details().get(0).path().startsWith("policies[1]"), invalid.details().toString());
        assertTrue(admin.policies().get("charges").isEmpty(), "nothing of a refused bundle is written");
    }

    @Test
    void impactListsTheLoggedDecisionsABundleWouldFlip() {
        admin.policies().put(refunds("impacted", 1000));
        try (ArbiterClient client = ArbiterClient.builder().endpoints(arbiter.server().baseUrl())
                .token(admin.keys().create("support-tool", KeyRole.CHECK).token()).timeout(Duration.ofSeconds(10))
                .build()) {
            for (long amount : List.of(300L, 700L, 900L, 5000L)) {
                client.check(Principal.of("agent-7").roles("support"), "refunds:create",
                        Resource.of("impacted", "refund", "rf-" + amount).attr("amount", amount));
            }
        }
        Eventually.await(Duration.ofSeconds(30), "four decisions logged", () -> arbiter.admin()
                .get("/v1/decisions?service=impacted").json().get("decisions").size() == 4 ? true : null);

        ImpactReport report = admin.policies().impact(PolicyBundle.of(refunds("impacted", 500)), 1000, 1);
        assertEquals(List.of("impacted"), report.replayedServices());
        assertEquals(new PolicyChanges(List.of(), List.of("refunds-impacted"), List.of(), List.of()),
                report.policies());
        assertEquals(4, report.replayed());
        assertEquals(new ImpactReport.Counts(2, 2, 0, 0, 0, 0, 0, 0), report.counts());
        assertTrue(report.truncated());
        assertTrue(report.oldest().isBefore(report.newest()) || report.oldest().equals(report.newest()));
        ImpactReport.Flip flip = report.flips().get(0);
        assertEquals("rf-900", flip.subject().resourceId(), "newest first");
        assertEquals("agent-7", flip.subject().principalId());
        assertEquals(List.of("support"), flip.subject().principalRoles());
        assertEquals(new ImpactReport.Outcome(true, "refunds-impacted", "support-refunds",
                "allowed by refunds-impacted/support-refunds"), flip.before());
        assertFalse(flip.after().allow());
        assertNull(flip.after().policy());

        ImpactReport all = admin.policies().impact(PolicyBundle.of(refunds("impacted", 500)));
        assertEquals(2, all.flips().size());
        assertFalse(all.truncated());
        assertEquals(1, admin.policies().versions("refunds-impacted").size(), "a preview writes nothing");

        ArbiterApiException badLimit = assertThrows(ArbiterApiException.class,
                () -> admin.policies().impact(PolicyBundle.of(refunds("impacted", 500)), 0, 1));
        assertEquals(400, badLimit.status());
        ArbiterAdmin auditor = ArbiterAdmin.builder().endpoint(arbiter.server().baseUrl())
                .token(admin.keys().create("impact-auditor", KeyRole.AUDITOR).token()).build();
        assertEquals(403, assertThrows(ArbiterApiException.class,
                () -> auditor.policies().impact(PolicyBundle.of(refunds("impacted", 500)))).status());
    }
}
