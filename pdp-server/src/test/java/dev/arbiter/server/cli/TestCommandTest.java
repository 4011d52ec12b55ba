package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test}: suites of expected decisions, run offline on the real engine. */
class TestCommandTest {

    static final String PAYMENTS = """
            id: payments-api
            service: payments
            rules:
              - name: checkout-can-charge
                effect: allow
                principals: ["spiffe://acme.prod/ns/shop/sa/checkout"]
                actions: ["charges:create", "charges:read"]
                kinds: [charge]
                condition: resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env
              - name: no-cross-env-refunds
                effect: deny
                roles: ["*"]
                actions: ["refunds:*"]
                condition: principal.attr.env != resource.attr.env
            """;

    static final String SUITE = """
            suite: payments
            now: "2026-03-16T10:00:00Z"
            principals:
              checkout: {id: "spiffe://acme.prod/ns/shop/sa/checkout", roles: [service], attr: {env: prod}}
            resources:
              small-charge: {service: payments, kind: charge, id: ch_1, attr: {amount: 5000, env: prod}}
              large-charge: {service: payments, kind: charge, id: ch_2, attr: {amount: 20000, env: prod}}
            tests:
              - name: checkout charges within the limit
                principal: checkout
                resource: small-charge
                allow: ["charges:create", "charges:read"]
                deny: ["charges:delete"]
              - name: nothing above the limit
                principal: checkout
                resource: large-charge
                actions: ["charges:create"]
            """;

    @TempDir
    Path repo;

    @BeforeEach
    void writeRepository() {
        Cli.write(repo, "payments/payments-api.yaml", PAYMENTS);
        Cli.write(repo, "payments/payments_test.yaml", SUITE);
    }

    @Test
    void passingSuitesPrintEveryTestTheTotalsAndTheCoverage() {
        Cli.Run run = Cli.run("test", repo.toString());
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertEquals("""
                payments (payments/payments_test.yaml)
                  ok    checkout charges within the limit (3 checks)
                  ok    nothing above the limit (1 check)
                2 passed, 0 failed (4 checks)
                coverage: 1 of 2 rules decided a check
                  never a candidate: payments-api/no-cross-env-refunds
                """, run.out());
    }

    @Test
    void anInvertedPolicyFailsTheSuiteAndSaysWhichCheck() {
        Cli.write(repo, "payments/payments-api.yaml", PAYMENTS.replace("amount <= 10000", "amount > 10000"));
        Cli.Run run = Cli.run("test", repo.toString());
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().contains("""
                  FAIL  checkout charges within the limit (2 of 3 checks failed)
                        checkout charges:create small-charge: expected allow, got deny: denied by default: no rule allows charges:create on service payments
                        checkout charges:read small-charge: expected allow, got deny: denied by default: no rule allows charges:read on service payments
                  FAIL  nothing above the limit (1 of 1 check failed)
                        checkout charges:create large-charge: expected deny, got allow: allowed by payments-api/checkout-can-charge
                0 passed, 2 failed (4 checks)
                """), run.out());
    }

    @Test
    void verboseShowsHowEveryRuleFaredInAFailedCheck() {
        Cli.write(repo, "payments/payments-api.yaml", PAYMENTS.replace("amount <= 10000", "amount > 10000"));
        Cli.Run run = Cli.run("test", repo.toString(), "--verbose", "--run", "above");
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().contains("""
                        checkout charges:create large-charge: expected deny, got allow: allowed by payments-api/checkout-can-charge
                          payments-api/checkout-can-charge (allow): a candidate, condition true
                          payments-api/no-cross-env-refunds (deny): not a candidate: its action does not match
                """), run.out());
    }

    @Test
    void runSelectsTestsBySuiteAndName() {
        Cli.Run run = Cli.run("test", repo.toString(), "--run", "^payments/nothing");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().contains("ok    nothing above the limit"), run.out());
        assertFalse(run.out().contains("within the limit"), run.out());

        Cli.Run none = Cli.run("test", repo.toString(), "--run", "refunds");
        assertEquals(ExitCode.BAD_INPUT, none.exit(), none.toString());
        assertTrue(none.err().contains("no test matches --run 'refunds'; the suites are payments"), none.err());

        Cli.Run invalid = Cli.run("test", repo.toString(), "--run", "(");
        assertEquals(ExitCode.BAD_INPUT, invalid.exit(), invalid.toString());
        assertTrue(invalid.err().startsWith("arbiter test: --run: not a regular expression: Unclosed group"), invalid.err());
    }

    @Test
    void suitesNamingWhatDoesNotExistAreBadInputAndRunNothing() {
        Cli.write(repo, "payments/payments_test.yaml", """
                suite: payments
                policies: [payments-api, payment-api]
                principals:
                  checkout: {id: checkout, rolls: [service]}
                tests:
                  - name: unknown fixtures
                    principal: chekout
                    resource: small-charge
                    allow: ["charges:create"]
                    deny: ["charges:create"]
                    now: yesterday
                """);
        Cli.Run run = Cli.run("test", repo.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.toString());
        assertEquals("""
                payments/payments_test.yaml:2:26: error: policies[1]: names the policy 'payment-api', which the repository does not hold
                payments/payments_test.yaml:4:35: error: principals.checkout.rolls: unknown field
                payments/payments_test.yaml:7:16: error: tests[0].principal: names the principal 'chekout', which the suite does not define; it defines none
                payments/payments_test.yaml:8:15: error: tests[0].resource: names the resource 'small-charge', which the suite does not define; it defines none
                payments/payments_test.yaml:10:11: error: tests[0].deny: 'charges:create' is in both allow and deny
                payments/payments_test.yaml:11:10: error: tests[0].now: must be an RFC 3339 time such as "2026-03-14T10:00:00Z", found 'yesterday'
                """, run.out());
        assertEquals("arbiter test: 6 errors in the test suites; no test was run\n", run.err());
    }

    @Test
    void invalidPoliciesAreReportedAndNothingIsTested() {
        Cli.write(repo, "payments/payments-api.yaml", PAYMENTS.replace("principal.attr.env != ", "principal.attr.env !="
                + "= "));
        Cli.Run run = Cli.run("test", repo.toString());
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().startsWith("payments/payments-api.yaml:14:16: error: policy payments-api, rule"
                + " no-cross-env-refunds: rules[1].condition: "), run.out());
        assertTrue(run.err().contains("1 error in the policies of " + repo + "; nothing else was done"), run.err());
    }

    @Test
    void aRepositoryWithoutSuitesIsBadInput() {
        Cli.write(repo, "payments/payments_test.yaml", "");
        Cli.Run empty = Cli.run("test", repo.toString());
        assertEquals(ExitCode.BAD_INPUT, empty.exit(), empty.toString());
        assertTrue(empty.out().contains("payments/payments_test.yaml: error: the file is empty; it should hold a test suite"),
                empty.out());

        java.nio.file.Path other = repo.resolve("other");
        Cli.write(other, "payments-api.yaml", PAYMENTS);
        Cli.Run none = Cli.run("test", other.toString());
        assertEquals(ExitCode.BAD_INPUT, none.exit(), none.toString());
        assertTrue(none.err().contains("no test suite; suites are files named *_test.yaml, *_test.yml or *_test.json"),
                none.err());
    }
}
