package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}: the server's checks on a repository, located in its files. */
class ValidateCommandTest {

    static final String REFUNDS = PolicyTexts.refunds("refunds", "payments", "resource.attr.amount <= 1000");

    @TempDir
    Path repo;

    @Test
    void aValidRepositoryPassesWithItsCount() {
        Cli.write(repo, "payments/refunds.yaml", REFUNDS);
        Cli.write(repo, "orders/orders.json", """
                {"id": "orders", "service": "orders",
                 "rules": [{"name": "read", "effect": "allow", "roles": ["customer"], "actions": ["orders:read"]}]}
                """);
        Cli.Run run = Cli.run("validate", repo.toString());
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertEquals("2 policies in 2 files: 0 errors, 0 warnings\n", run.out());
    }

    @Test
    void errorsNameTheFileLineColumnPolicyRuleAndThePlaceInTheCondition() {
        Cli.write(repo, "payments/refunds.yaml", REFUNDS.replace("resource.attr.amount <= 1000",
                "resource.attr.amount <= 1000 && principle.attr.env == \"prod\"").replace("[\"refunds:create\"]", "[]"));
        Cli.Run run = Cli.run("validate", repo.toString());
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().contains("payments/refunds.yaml:7:14: error: policy refunds, rule support-refunds:"
                + " rules[0].actions: must name at least one action pattern\n"), run.out());
        assertTrue(run.out().contains("payments/refunds.yaml:8:16: error: policy refunds, rule support-refunds:"
                + " rules[0].condition: 'principle' is not defined; the variables are principal, resource, action,"
                + " context, actionAttr and now (at 1:33 in the condition)\n"), run.out());
        assertTrue(run.out().endsWith("1 policy in 1 file: 2 errors, warnings not checked\n"), run.out());
    }

    @Test
    void warningsAreJudgedAgainstTheRestOfTheRepositoryAndDoNotFail() {
        Cli.write(repo, "payments/refunds.yaml", REFUNDS);
        Cli.write(repo, "payments/managers.yaml", """
                id: refund-rules
                service: payments
                rules:
                  - name: managers-refund-more
                    effect: allow
                    roles: [manager]
                    actions: ["refunds:create"]
                    condition: resource.attr.ammount <= 20000
                """);
        Cli.Run run = Cli.run("validate", repo.toString());
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().contains("payments/managers.yaml:8:16: warning: policy refund-rules, rule managers-refund-more:"
                + " rules[0].condition: no other rule for service payments or \"*\" reads resource.attr.ammount; did you"
                + " mean resource.attr.amount, which refunds/support-refunds reads? (at 1:15 in the condition)"
                + " [possible_typo]\n"), run.out());
        assertTrue(run.out().contains("payments/refunds.yaml:8:16: warning: policy refunds, rule support-refunds:"
                + " rules[0].condition: no other rule for service payments or \"*\" reads resource.attr.amount; did you"
                + " mean resource.attr.ammount, which refund-rules/managers-refund-more reads?"), run.out());
        assertTrue(run.out().endsWith("2 policies in 2 files: 0 errors, 2 warnings\n"), run.out());
    }

    @Test
    void problemsInBundlesAndYamlStreamsAreLocatedInTheirDocument() {
        Cli.write(repo, "bundle.json", """
                {"services": ["payments"],
                 "policies": [
                   {"id": "a", "service": "payments", "rules": []},
                   {"id": "b", "service": "orders", "rules": []}]}
                """);
        Cli.write(repo, "stream.yaml", REFUNDS + "---\nid: second\nservice: payments\nrules:\n  - name: x\n    effect: maybe\n"
                + "    roles: [a]\n    actions: [b]\n");
        Cli.Run run = Cli.run("validate", repo.toString());
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().contains("bundle.json:4:27: error: policy b: policies[1].service: 'orders' is not one of"
                + " the services the bundle governs [payments]\n"), run.out());
        assertTrue(run.out().contains("stream.yaml:14:13: error: rule x: rules[0].effect: must be \"allow\" or \"deny\"\n"),
                run.out());
    }

    @Test
    void aPolicyIdTwiceInTheRepositoryIsAnError() {
        Cli.write(repo, "a/refunds.yaml", REFUNDS);
        Cli.write(repo, "b/refunds-copy.yaml", REFUNDS);
        Cli.Run run = Cli.run("validate", repo.toString());
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().contains("b/refunds-copy.yaml:1:5: error: policy refunds: id: duplicate id 'refunds';"
                + " a/refunds.yaml defines it too\n"), run.out());
    }

    @Test
    void malformedFilesAreErrorsOnOneLine() {
        Cli.write(repo, "broken.yaml", "id: [\n");
        Cli.write(repo, "truncated.json", "{\"id\": \"x\", \"service\": ");
        Cli.write(repo, "empty.yml", "  \n");
        Cli.Run run = Cli.run("validate", repo.toString());
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertEquals(4, run.out().lines().count(), run.out());
        assertTrue(run.out().startsWith("broken.yaml: error: malformed YAML: while parsing a flow node"), run.out());
        assertTrue(run.out().contains("empty.yml: error: the file is empty; it should hold a policy or a bundle\n"), run.out());
        assertTrue(run.out().contains("truncated.json: error: malformed JSON: Unexpected end-of-input"), run.out());
    }

    @Test
    void aYamlAnchorBombIsRefusedQuicklyAndIsNeverExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char name = 'b'; name <= 'j'; name++) {
            String previous = "*" + (char) (name - 1);
            bomb.append(name).append(": &").append(name).append(" [").append(String.join(",", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        Cli.write(repo, "bomb.yaml", bomb.toString());
        Cli.Run run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run("validate", repo.toString()));
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().contains("bomb.yaml:1:1: error: id: is required\n"), run.out());
        assertTrue(run.out().contains("bomb.yaml:10:4: error: j: unknown field\n"), run.out());
    }

    @Test
    void anUnreadableFileIsBadInput() throws IOException {
        Cli.write(repo, "payments/refunds.yaml", REFUNDS);
        Files.createSymbolicLink(repo.resolve("payments/gone.yaml"), repo.resolve("payments/deleted.yaml"));
        Cli.Run run = Cli.run("validate", repo.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.toString());
        assertEquals("arbiter validate: payments/gone.yaml: cannot read the file: it is a link to no regular file\n", run.err());
    }

    @Test
    void aFolderWithThousandsOfFilesIsRefusedBeforeAnyIsRead() {
        for (int i = 0; i <= dev.arbiter.server.cli.repo.RepositoryFiles.MAX_FILES; i++) {
            Cli.write(repo, "many/p" + i + ".yaml", "not even read");
        }
        Cli.Run run = Cli.run("validate", repo.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.toString());
        assertTrue(run.err().contains(": more than 2000 policy and suite files (or 20000 entries of any kind); point at"
                + " the policy repository itself"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void hiddenFoldersAndOtherFilesAreNotPartOfTheRepository() {
        Cli.write(repo, "payments/refunds.yaml", REFUNDS);
        Cli.write(repo, ".github/workflows/policies.yml", "on: push\n");
        Cli.write(repo, "README.md", "# policies\n");
        Cli.Run run = Cli.run("validate", repo.toString());
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertFalse(run.out().contains("policies.yml"), run.out());
    }
}
