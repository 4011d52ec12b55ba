package dev.arbiter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The decision log read through the admin client, against a real server. */
class DecisionAuditTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static final DecisionQuery ARCHIVE = DecisionQuery.all().service("archive");

    static ArbiterAdmin admin;
    static ArbiterAdmin auditor;
    /** The decisions made, oldest first. */
    static final List<Decision> made = new ArrayList<>();
    static Instant start;

    @BeforeAll
    static void decide() {
        admin = adminWith(TestServer.ADMIN_TOKEN);
        auditor = adminWith(admin.keys().create("auditor", KeyRole.AUDITOR).token());
        admin.policies().put(Policy.of("archive", "archive").rules(Rule.allow("readers").roles("reader")
                .actions("documents:read")));
        admin.policies().put(Policy.of("archive-lockdown", "archive").mode(PolicyMode.DRY_RUN)
                .rules(Rule.deny("lockdown").roles("*").actions("documents:*")));
        start = Instant.now().minusSeconds(1);
        try (ArbiterClient client = ArbiterClient.builder().endpoints(arbiter.server().baseUrl())
                .token(admin.keys().create("archive-app", KeyRole.CHECK).token()).timeout(Duration.ofSeconds(10))
                .build()) {
            for (int i = 0; i < 5; i++) {
                Principal principal = Principal.of("user-" + i).roles(i == 3 ? "visitor" : "reader");
                made.add(client.check(principal, "documents:read", Resource.of("archive", "document", "doc-" + i)));
            }
        }
        Eventually.await(Duration.ofSeconds(30), "five decisions logged",
                () -> auditor.decisions().stream(ARCHIVE).count() == 5 ? true : null);
    }

    static ArbiterAdmin adminWith(String token) {
        return ArbiterAdmin.builder().endpoint(arbiter.server().baseUrl()).token(token).build();
    }

    static List<String> ids(Iterable<LoggedDecision> records) {
        List<String> ids = new ArrayList<>();
        records.forEach(record -> ids.add(record.subject().decisionId()));
        return ids;
    }

    static List<String> newestFirst(List<Decision> decisions) {
        List<String> ids = new ArrayList<>(decisions.stream().map(Decision::decisionId).toList());
        Collections.reverse(ids);
        return ids;
    }

    @Test
    void listsEveryRecordNewestFirstAcrossPages() {
        assertEquals(newestFirst(made), ids(auditor.decisions().list(ARCHIVE, 2)), "three pages of two");
        assertEquals(newestFirst(made), ids(auditor.decisions().list(ARCHIVE)), "one page");
        assertEquals(newestFirst(made).subList(0, 3),
                auditor.decisions().stream(ARCHIVE).limit(3).map(record -> record.subject().decisionId()).toList());
        assertEquals(List.of(), ids(auditor.decisions().list(DecisionQuery.all().service("nothing-here"))));
    }

    @Test
    void filtersSelectRecords() {
        List<LoggedDecision> denied = auditor.decisions().stream(ARCHIVE.allow(false)).toList();
        assertEquals(List.of(made.get(3).decisionId()), denied.stream().map(d -> d.subject().decisionId()).toList());
        assertNull(denied.get(0).policy());
        assertEquals(1, auditor.decisions().stream(ARCHIVE.resource("doc-2").principal("user-2")
                .action("documents:read").caller("archive-app").policy("archive").rule("readers").from(start)
                .to(Instant.now().plusSeconds(60)).minLatencyMicros(0)).count());
        assertEquals(0, auditor.decisions().stream(ARCHIVE.caller("someone-else")).count());
    }

    @Test
    void getsOneRecordWithItsInputAndShadow() {
        Decision allowed = made.get(0);
        LoggedDecision record = auditor.decisions().get(allowed.decisionId()).orElseThrow();
        assertEquals(new DecisionSubject(allowed.decisionId(), record.subject().time(), "user-0", List.of("reader"),
                "documents:read", "archive", "document", "doc-0"), record.subject());
        assertTrue(record.subject().time().isAfter(start));
        assertTrue(record.allow());
        assertEquals("archive", record.policy());
        assertEquals("readers", record.rule());
        assertEquals(allowed.revision(), record.revision());
        assertEquals(allowed.reason(), record.reason());
        assertEquals("archive-app", record.caller());
        assertTrue(record.latencyMicros() >= 0);
        assertEquals("documents:read", record.input().get("action"));
        assertEquals(Map.of("id", "user-0", "type", "", "roles", List.of("reader"), "attr", Map.of()),
                record.input().get("principal"));
        assertEquals("check", record.api());
        assertEquals(null, record.traceId());
        assertEquals(new Shadow(false, "archive-lockdown", "lockdown"), record.shadow());
        assertEquals(allowed.shadow(), record.shadow());

        assertEquals(Optional.empty(), auditor.decisions().get(UUID.randomUUID().toString()));
        ArbiterApiException notAnId = assertThrows(ArbiterApiException.class,
                () -> auditor.decisions().get("not-an-id"));
        assertEquals(400, notAnId.status());
        assertEquals("decisionId", notAnId.details().get(0).path());
    }

    @Test
    void countsDecisionsPerGroupAndBucket() {
        Instant to = Instant.now().plusSeconds(60);
        DecisionStats stats = auditor.decisions().stats(DecisionStats.GroupBy.POLICY, DecisionStats.Bucket.DAY,
                ARCHIVE.from(start).to(to));
        assertEquals(DecisionStats.GroupBy.POLICY, stats.groupBy());
        assertEquals(DecisionStats.Bucket.DAY, stats.bucket());
        assertFalse(stats.truncated());
        long allowed = stats.counts().stream().filter(count -> "archive".equals(count.key()))
                .mapToLong(DecisionStats.Count::allow).sum();
        long deniedByDefault = stats.counts().stream().filter(count -> count.key() == null)
                .mapToLong(DecisionStats.Count::deny).sum();
        assertEquals(4, allowed);
        assertEquals(1, deniedByDefault);

        ArbiterApiException tooMany = assertThrows(ArbiterApiException.class, () -> auditor.decisions().stats(
                DecisionStats.GroupBy.SERVICE, DecisionStats.Bucket.MINUTE,
                DecisionQuery.all().from(Instant.parse("2000-01-01T00:00:00Z"))));
        assertEquals(400, tooMany.status());
        assertEquals("bucket", tooMany.details().get(0).path());
    }

    @Test
    void verifiesTheHashChain() {
        ChainVerification whole = auditor.decisions().verify();
        assertTrue(whole.valid());
        assertNull(whole.firstBreak());
        assertTrue(whole.records() >= 5, whole.toString());
        assertNotNull(whole.head());
        assertEquals(64, whole.head().hash().length());

        Instant to = Instant.now().plusSeconds(60);
        ChainVerification window = auditor.decisions().verify(start, to);
        assertTrue(window.valid());
        assertEquals(start, window.from());
        assertEquals(to, window.to());
        assertEquals(400, assertThrows(ArbiterApiException.class,
                () -> auditor.decisions().verify(to, start)).status());
    }

    @Test
    void pagesAreReadOnlyWhenIterated() {
        CreatedKey temporary = admin.keys().create("temporary-auditor", KeyRole.AUDITOR);
        Iterable<LoggedDecision> records = adminWith(temporary.token()).decisions().list(ARCHIVE, 1);
        Iterator<LoggedDecision> iterator = records.iterator();
        assertTrue(iterator.hasNext(), "the first page is read");
        admin.keys().delete(temporary.key().name());
        iterator.next();
        ArbiterApiException revoked = assertThrows(ArbiterApiException.class, iterator::hasNext,
                "the second page is read only now");
        assertEquals(401, revoked.status());
    }

    @Test
    void onlyAuditorsReadTheLog() {
        ArbiterAdmin checker = adminWith(admin.keys().create("checker", KeyRole.CHECK).token());
        ArbiterApiException forbidden = assertThrows(ArbiterApiException.class,
                () -> checker.decisions().stream(ARCHIVE).findFirst());
        assertEquals(403, forbidden.status());
        assertEquals("forbidden", forbidden.code());
    }
}
