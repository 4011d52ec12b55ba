package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.LoggedRows;
import dev.arbiter.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code impact}: the real decisions a repository would flip, from a real server's decision log. */
class ImpactCommandTest {

    static TestServer server;

    @TempDir
    static Path repo;

    @BeforeAll
    static void loggedRefunds() {
        server = TestServer.start();
        refundLimit(1000);
        Cli.Run applied = Cli.run("apply", repo.toString(), "--server", server.baseUrl(), "--token", TestServer.ADMIN_TOKEN);
        assertEquals(ExitCode.OK, applied.exit(), applied.toString());
        ApiClient checker = server.client(server.createKey("refund-desk", "check"));
        List<String> decisions = new ArrayList<>();
        for (long amount : new long[] {300, 700, 900, 5000}) {
            decisions.add(checker.post("/v1/check", """
                    {"principal": {"id": "agent-7", "roles": ["support"]}, "action": "refunds:create",
                     "resource": {"service": "payments", "kind": "refund", "id": "rf-%1$d", "attr": {"amount": %1$d}}}
                    """.formatted(amount)).json().get("decisionId").asText());
        }
        LoggedRows.awaitEachOnce(server.dbUrl(), decisions);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void refundLimit(int limit) {
        Cli.write(repo, "refunds.yaml", PolicyTexts.refunds("refunds", "payments", "resource.attr.amount <= " + limit));
    }

    private static Cli.Run impact(String... more) {
        List<String> args = new ArrayList<>(List.of("impact", repo.toString(), "--server", server.baseUrl(),
                "--token", TestServer.ADMIN_TOKEN));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void listsTheDecisionsALowerLimitWouldFlipAndWritesNothing() {
        refundLimit(500);
        Cli.Run run = impact("--max-flips", "1");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].matches("policies: 0 to create, 1 to update, 0 to delete, 0 unchanged \\(store revision \\d+\\)"),
                run.out());
        assertTrue(lines[1].startsWith("replayed 4 logged decisions of payments from "), run.out());
        assertEquals("2 would flip: 2 allow -> deny, 0 deny -> allow; 0 decided the same by another rule; drift 0,"
                + " masked 0 (0 flipped), unreadable 0", lines[2]);
        assertTrue(lines[3].matches("allow -> deny  \\S+  agent-7 refunds:create payments/refund/rf-900"), run.out());
        assertEquals("    before: allowed by refunds/support-refunds", lines[4]);
        assertEquals("    after:  denied by default: no rule allows refunds:create on service payments", lines[5]);
        assertEquals("(more flips than listed; --max-flips lists more)", lines[6]);
        assertTrue(server.admin().get("/v1/policies/refunds").body().contains("amount <= 1000"));
    }

    @Test
    void failOnExitsFourOnlyForTheFlipsItNames() {
        refundLimit(500);
        assertEquals(ExitCode.CHANGES, impact("--fail-on", "allow-to-deny").exit());
        assertEquals(ExitCode.CHANGES, impact("--fail-on", "any").exit());
        assertEquals(ExitCode.OK, impact("--fail-on", "deny-to-allow").exit());

        Cli.Run unknown = impact("--fail-on", "lockouts");
        assertEquals(ExitCode.BAD_INPUT, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("'lockouts' is not one of any, allow-to-deny, deny-to-allow"), unknown.err());
    }

    @Test
    void aHigherLimitLetsTheLargeRefundThrough() {
        refundLimit(10_000);
        Cli.Run run = impact("--fail-on", "deny-to-allow");
        assertEquals(ExitCode.CHANGES, run.exit(), run.toString());
        assertTrue(run.out().contains("deny -> allow  "), run.out());
        assertTrue(run.out().contains(" agent-7 refunds:create payments/refund/rf-5000\n"), run.out());
    }

    @Test
    void theServerRefusesOutOfRangeParametersAsAServerFailure() {
        refundLimit(1000);
        Cli.Run run = impact("--limit", "0");
        assertEquals(ExitCode.SERVER, run.exit(), run.toString());
        assertTrue(run.err().startsWith("arbiter impact: POST /v1/policies/_impact?limit=0&maxFlips=20 failed: "), run.err());
    }
}
