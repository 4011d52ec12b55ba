package dev.arbiter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The directory written and read through the admin client, and merged into the client's checks. */
class DirectoryAdminTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ArbiterAdmin admin;
    static String checkToken;

    @BeforeAll
    static void connect() {
        admin = adminWith(TestServer.ADMIN_TOKEN);
        checkToken = admin.keys().create("ledger-app", KeyRole.CHECK).token();
        admin.policies().put(Policy.of("ledger", "ledger").rules(
                Rule.allow("auditors-read-open-books").roles("auditor").actions("books:read").kinds("book")
                        .condition("resource.attr.status == 'open' && principal.type == 'user'")));
    }

    @Test
    void aCheckSeesTheDirectoryAtTheRevisionOfItsWrite() {
        Resource book = Resource.of("ledger", "book", "2026");
        DirectoryApplied applied = admin.directory().apply(DirectoryChanges.none()
                .put(PrincipalEntry.of("carol").type("user").roles("auditor").attr("team", "finance"))
                .put(ResourceEntry.of("ledger", "book", "2026").attr("status", "open")));
        assertEquals(new DirectoryApplied.Counts(1, 0, 0, 0), applied.principals());
        assertEquals(new DirectoryApplied.Counts(1, 0, 0, 0), applied.resources());
        try (ArbiterClient client = client()) {
            CheckRequest asCarol = CheckRequest.of(Principal.of("carol"), "books:read", book);
            assertTrue(client.check(asCarol.minRevision(applied.revision())).allow(),
                    "roles, type and the resource's status all come from the directory");

            long revoked = admin.directory().deletePrincipal("carol");
            assertFalse(client.check(asCarol.minRevision(revoked)).allow());
            assertEquals(Optional.empty(), admin.directory().principal("carol"));
        }
    }

    @Test
    void entriesAreReadBackAsWritten() {
        admin.directory().apply(DirectoryChanges.none()
                .put(PrincipalEntry.of("spiffe://acme/ns/a/sa/b").type("workload").roles("service", "reader")
                        .attr("limits", Map.of("max", 5L, "tags", List.of("x"))))
                .put(ResourceEntry.of("ledger", "book", "q/1:a").attr("owner", "dave")));
        PrincipalEntry principal = admin.directory().principal("spiffe://acme/ns/a/sa/b").orElseThrow();
        assertEquals("workload", principal.type());
        assertEquals(List.of("service", "reader"), principal.roles());
        assertEquals(Map.of("max", 5L, "tags", List.of("x")), principal.attr().get("limits"));
        assertEquals(Map.of("owner", "dave"),
                admin.directory().resource("ledger", "book", "q/1:a").orElseThrow().attr());
        assertEquals(Optional.empty(), admin.directory().resource("ledger", "book", "nothing"));

        admin.directory().deleteResource("ledger", "book", "q/1:a");
        assertEquals(404, assertThrows(ArbiterApiException.class,
                () -> admin.directory().deleteResource("ledger", "book", "q/1:a")).status());
    }

    @Test
    void aDryRunCountsWithoutWriting() {
        DirectoryChanges changes = DirectoryChanges.none().put(PrincipalEntry.of("erin").roles("clerk"))
                .deletePrincipal("nobody").deleteResource("ledger", "book", "none");
        DirectoryApplied planned = admin.directory().planApply(changes);
        assertTrue(planned.dryRun());
        assertEquals(new DirectoryApplied.Counts(1, 0, 0, 1), planned.principals(),
                "removing an entry that is not there changes nothing");
        assertEquals(Optional.empty(), admin.directory().principal("erin"));

        admin.directory().apply(changes);
        DirectoryApplied again = admin.directory().apply(changes);
        assertEquals(new DirectoryApplied.Counts(0, 0, 0, 2), again.principals(), "an unchanged entry is counted so");
    }

    @Test
    void listingsPageThroughEveryEntryOfTheirType() {
        DirectoryChanges many = DirectoryChanges.none();
        for (int i = 0; i < 1_234; i++) {
            many = many.put(PrincipalEntry.of(String.format("bulk-%05d", i)).type("robot"));
        }
        admin.directory().apply(many);
        List<String> ids = StreamSupport.stream(admin.directory().principals("robot").spliterator(), false)
                .map(PrincipalEntry::id).toList();
        assertEquals(1_234, ids.size());
        assertEquals("bulk-00000", ids.get(0));
        assertEquals("bulk-01233", ids.get(1_233));
        assertTrue(StreamSupport.stream(admin.directory().principals(null).spliterator(), false).count() >= 1_234);
    }

    @Test
    void aBadEntryIsRefusedAndNothingIsWritten() {
        ArbiterApiException refused = assertThrows(ArbiterApiException.class, () -> admin.directory()
                .apply(DirectoryChanges.none().put(PrincipalEntry.of("frank")).put(PrincipalEntry.of("frank"))));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("given twice"), refused.getMessage());
        assertEquals(Optional.empty(), admin.directory().principal("frank"));
        assertThrows(IllegalArgumentException.class, () -> PrincipalEntry.of(""));
        assertThrows(IllegalArgumentException.class, () -> ResourceEntry.of("ledger", "", "x"));
    }

    @Test
    void anAuditorReadsTheDirectoryButDoesNotWriteIt() {
        ArbiterAdmin auditor = adminWith(admin.keys().create("directory-auditor", KeyRole.AUDITOR).token());
        admin.directory().apply(DirectoryChanges.none().put(PrincipalEntry.of("gina")));
        assertTrue(auditor.directory().principal("gina").isPresent());
        assertEquals(403, assertThrows(ArbiterApiException.class, () -> auditor.directory()
                .apply(DirectoryChanges.none().deletePrincipal("gina"))).status());
    }

    private static ArbiterAdmin adminWith(String token) {
        return ArbiterAdmin.builder().endpoint(arbiter.server().baseUrl()).token(token).build();
    }

    private static ArbiterClient client() {
        return ArbiterClient.builder().endpoints(arbiter.server().baseUrl()).token(checkToken)
                .timeout(Duration.ofSeconds(10)).build();
    }
}
