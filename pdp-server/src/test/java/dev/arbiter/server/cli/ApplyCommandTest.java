package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff} and {@code apply} against a real server on a real database. */
class ApplyCommandTest {

    static TestServer server;

    @TempDir
    Path repo;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A repository of two policies of {@code service}, the refunds one with the given limit. */
    private void repository(String service, int limit) {
        Cli.write(repo, "refunds.yaml", PolicyTexts.refunds(service + "-refunds", service, "resource.attr.amount <= " + limit));
        Cli.write(repo, "charges.json", """
                {"id": "%1$s-charges", "service": "%1$s", "rules": [
                  {"name": "checkout-charges", "effect": "allow", "principals": ["checkout"], "actions": ["charges:*"]}]}
                """.formatted(service));
    }

    private Cli.Run remote(String command, String... more) {
        String[] args = new String[more.length + 4];
        args[0] = command;
        args[1] = repo.toString();
        args[2] = "--server=" + server.baseUrl();
        args[3] = "--token=" + TestServer.ADMIN_TOKEN;
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    @Test
    void diffShowsWhatApplyThenWritesAndASecondApplyFindsNothingToDo() {
        repository("shop", 1000);
        Cli.Run diff = remote("diff", "--exit-code");
        assertEquals(ExitCode.CHANGES, diff.exit(), diff.toString());
        assertTrue(diff.out().contains("""
                + shop-charges (service shop)
                    + rule checkout-charges: allow [charges:*] for principals [checkout]
                + shop-refunds (service shop)
                    + rule support-refunds: allow [refunds:create] for roles [support] if resource.attr.amount <= 1000
                2 to create, 0 to update, 0 to delete, 0 unchanged
                """), diff.out());
        assertEquals(404, server.admin().get("/v1/policies/shop-refunds").status());

        Cli.Run apply = remote("apply");
        assertEquals(ExitCode.OK, apply.exit(), apply.toString());
        assertTrue(apply.out().matches("(?s).*\\napplied at store revision \\d+: 2 created, 0 updated, 0 deleted, 0 unchanged\\n"),
                apply.out());
        assertEquals(200, server.admin().get("/v1/policies/shop-refunds").status());

        Cli.Run again = remote("apply");
        assertEquals(ExitCode.OK, again.exit(), again.toString());
        assertTrue(again.out().contains("= unchanged: shop-charges, shop-refunds\n0 to create, 0 to update, 0 to delete,"
                + " 2 unchanged\nnothing to apply: the store already holds these policies\n"), again.out());
        assertEquals(ExitCode.OK, remote("diff", "--exit-code").exit());
    }

    @Test
    void theDiffNamesChangedRulesFieldByFieldAndDeletedPolicies() {
        repository("billing", 1000);
        assertEquals(ExitCode.OK, remote("apply").exit());
        repository("billing", 500);
        Cli.write(repo, "charges.json", "{\"id\": \"billing-extra\", \"service\": \"billing\", \"mode\": \"dry_run\","
                + " \"rules\": [{\"name\": \"x\", \"effect\": \"deny\", \"roles\": [\"*\"], \"actions\": [\"a\"]}]}");

        Cli.Run diff = remote("diff");
        assertEquals(ExitCode.OK, diff.exit(), diff.toString());
        assertTrue(diff.out().contains("""
                + billing-extra (service billing, dry_run)
                    + rule x: deny [a] for roles [*]
                ~ billing-refunds
                    ~ rule support-refunds: condition: resource.attr.amount <= 1000 -> resource.attr.amount <= 500
                - billing-charges (service billing)
                    - rule checkout-charges: allow [charges:*] for principals [checkout]
                1 to create, 1 to update, 1 to delete, 0 unchanged
                """), diff.out());
    }

    @Test
    void aDryRunWritesNothing() {
        repository("dryrun", 1000);
        long revision = server.admin().get("/v1/policies").json().get("revision").asLong();
        Cli.Run run = remote("apply", "--dry-run");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().endsWith("2 to create, 0 to update, 0 to delete, 0 unchanged\ndry run: nothing was written\n"),
                run.out());
        assertEquals(revision, server.admin().get("/v1/policies").json().get("revision").asLong());
    }

    @Test
    void theTokenComesFromTheEnvironmentToo() {
        repository("envtoken", 1000);
        Cli.Run run = Cli.run(Map.of("ARBITER_TOKEN", TestServer.ADMIN_TOKEN), "diff", repo.toString(),
                "--server", server.baseUrl());
        assertEquals(ExitCode.OK, run.exit(), run.toString());

        Cli.Run none = Cli.run("diff", repo.toString(), "--server", server.baseUrl());
        assertEquals(ExitCode.BAD_INPUT, none.exit(), none.toString());
        assertEquals("arbiter diff: no token: pass --token or set ARBITER_TOKEN\n", none.err());
    }

    @Test
    void aRefusedTokenOrAMissingRoleIsAServerFailure() {
        repository("tokens", 1000);
        Cli.Run unknown = Cli.run("apply", repo.toString(), "--server", server.baseUrl(), "--token", "arb_not-a-key");
        assertEquals(ExitCode.SERVER, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().startsWith("arbiter apply: the server refused the token: "), unknown.err());

        String auditor = server.createKey("cli-auditor", "auditor");
        Cli.Run forbidden = Cli.run("apply", repo.toString(), "--server", server.baseUrl(), "--token", auditor);
        assertEquals(ExitCode.SERVER, forbidden.exit(), forbidden.toString());
        assertTrue(forbidden.err().startsWith("arbiter apply: the token may not do this; it needs the role policy-admin: "),
                forbidden.err());
        assertEquals(404, server.admin().get("/v1/policies/tokens-refunds").status());
    }

    @Test
    void anUnreachableServerIsAServerFailureAndInvalidPoliciesNeverReachOne() {
        repository("unreachable", 1000);
        Cli.Run refused = Cli.run("diff", repo.toString(), "--server", "http://127.0.0.1:1", "--token", "t");
        assertEquals(ExitCode.SERVER, refused.exit(), refused.toString());
        assertEquals("arbiter diff: cannot reach http://127.0.0.1:1: the connection was refused\n", refused.err());

        Cli.write(repo, "refunds.yaml", "id: x\nservice: unreachable\nrules: []\nextra: 1\n");
        Cli.Run invalid = Cli.run("apply", repo.toString(), "--server", "http://127.0.0.1:1", "--token", "t");
        assertEquals(ExitCode.FAILED, invalid.exit(), invalid.toString());
        assertEquals("refunds.yaml:4:8: error: extra: unknown field\n", invalid.out());
    }

    @Test
    void optionsThatCannotWorkAreUsageErrors() {
        repository("options", 1000);
        Cli.Run notUrl = Cli.run("diff", repo.toString(), "--server", "arbiter:8700", "--token", "t");
        assertEquals(ExitCode.BAD_INPUT, notUrl.exit(), notUrl.toString());
        assertEquals("arbiter diff: --server: 'arbiter:8700' is not an http:// or https:// URL\n", notUrl.err());

        Cli.Run tlsOverHttp = Cli.run("diff", repo.toString(), "--server", server.baseUrl(), "--token", "t",
                "--cacert", "ca.pem");
        assertEquals(ExitCode.BAD_INPUT, tlsOverHttp.exit(), tlsOverHttp.toString());
        assertTrue(tlsOverHttp.err().contains("--cacert, --cert and --key need an https:// server"), tlsOverHttp.err());
    }
}
