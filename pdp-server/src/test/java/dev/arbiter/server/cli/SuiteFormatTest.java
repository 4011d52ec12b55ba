package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a suite can say: directory entries, a fixed now, the policies under test, inline and listed fixtures. */
class SuiteFormatTest {

    @TempDir
    Path repo;

    @BeforeEach
    void writePolicies() {
        Cli.write(repo, "inventory.yaml", """
                id: inventory
                service: inventory
                rules:
                  - name: warehouse-manages-stock
                    effect: allow
                    roles: [warehouse]
                    actions: ["stock:*"]
                    condition: principal.attr.site == resource.attr.site
                  - name: office-hours
                    effect: allow
                    roles: [clerk]
                    actions: ["items:read"]
                    condition: now.getHours() >= 8 && now.getHours() < 18
                """);
        Cli.write(repo, "guardrails.yaml", """
                id: guardrails
                service: "*"
                rules:
                  - name: quarantine
                    effect: deny
                    roles: ["*"]
                    actions: ["*"]
                    condition: has(principal.attr.quarantined) && principal.attr.quarantined
                """);
    }

    private Cli.Run suite(String suite) {
        Cli.write(repo, "inventory_test.yaml", suite);
        return Cli.run("test", repo.toString());
    }

    @Test
    void directoryEntriesAddRolesAndTheirAttributesWinOverTheCallers() {
        Cli.Run run = suite("""
                suite: inventory
                principals:
                  scanner: {id: scanner-1, roles: [device], attr: {site: par, quarantined: false}}
                resources:
                  item: {service: inventory, kind: item, id: sku-1, attr: {site: par}}
                directory:
                  principals:
                    - {id: scanner-1, roles: [warehouse], attr: {site: ber}}
                  resources:
                    - {service: inventory, kind: item, id: sku-1, attr: {site: ber}}
                tests:
                  - name: the directory's role and site decide
                    principal: scanner
                    resource: item
                    allow: ["stock:adjust"]
                """);
        assertEquals(ExitCode.OK, run.exit(), run.toString());

        Cli.Run quarantined = suite("""
                suite: inventory
                directory:
                  principals:
                    - {id: scanner-1, attr: {quarantined: true}}
                tests:
                  - name: the directory's quarantine beats the caller's claim
                    principal: {id: scanner-1, roles: [warehouse], attr: {site: ber, quarantined: false}}
                    resource: {service: inventory, kind: item, attr: {site: ber}}
                    deny: ["stock:adjust"]
                """);
        assertEquals(ExitCode.OK, quarantined.exit(), quarantined.toString());
        assertTrue(quarantined.out().contains("  ok    the directory's quarantine beats the caller's claim (1 check)"),
                quarantined.out());
    }

    @Test
    void principalTypesAndActionPropertiesReachConditions() {
        Cli.write(repo, "records.yaml", """
                id: records
                service: records
                rules:
                  - name: users-soft-delete
                    effect: allow
                    roles: ["*"]
                    actions: ["records:delete"]
                    condition: principal.type == 'user' && actionAttr.soft
                """);
        Cli.Run run = suite("""
                suite: records
                directory:
                  principals:
                    - {id: dana, type: user}
                tests:
                  - name: a user soft-deletes
                    principal: {id: erin, type: user}
                    resource: {service: records}
                    actionAttr: {soft: true}
                    allow: ["records:delete"]
                  - name: the directory gives the type
                    principal: {id: dana}
                    resource: {service: records}
                    actionAttr: {soft: true}
                    allow: ["records:delete"]
                  - name: a hard delete is refused
                    principal: {id: erin, type: user}
                    resource: {service: records}
                    actionAttr: {soft: false}
                    deny: ["records:delete"]
                  - name: a workload is refused
                    principal: {id: erin, type: workload}
                    resource: {service: records}
                    actionAttr: {soft: true}
                    deny: ["records:delete"]
                """);
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().contains("  ok    the directory gives the type (1 check)"), run.out());
    }

    @Test
    void aDirectoryTheServerWouldRefuseIsReportedAndNothingRuns() {
        Cli.Run run = suite("""
                suite: inventory
                directory:
                  resources:
                    - {service: inventory, id: sku-1}
                tests:
                  - name: never runs
                    principal: {id: p}
                    resource: {service: inventory}
                    deny: ["stock:adjust"]
                """);
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.toString());
        assertTrue(run.out().contains("the server would refuse it:") && run.out().contains("kind"), run.out());
    }

    @Test
    void nowIsTheSuitesUnlessATestGivesItsOwn() {
        Cli.Run run = suite("""
                suite: inventory
                now: "2026-03-16T10:00:00+01:00"
                principals:
                  clerk: {id: clerk-1, roles: [clerk]}
                resources:
                  item: {service: inventory, kind: item}
                tests:
                  - name: a clerk reads in office hours
                    principal: clerk
                    resource: item
                    allow: ["items:read"]
                  - name: not at night
                    principal: clerk
                    resource: item
                    now: "2026-03-16T23:30:00Z"
                    allow: ["items:read"]
                """);
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().contains("  ok    a clerk reads in office hours"), run.out());
        assertTrue(run.out().contains("  FAIL  not at night"), run.out());
    }

    @Test
    void aSuiteNamingItsPoliciesRunsOnThoseAlone() {
        String suite = """
                suite: inventory
                %s
                tests:
                  - name: a quarantined warehouse
                    principal: {id: w, roles: [warehouse], attr: {site: ber, quarantined: true}}
                    resource: {service: inventory, attr: {site: ber}}
                    allow: ["stock:adjust"]
                """;
        Cli.Run alone = suite(suite.formatted("policies: [inventory]"));
        assertEquals(ExitCode.OK, alone.exit(), alone.toString());
        Cli.Run together = suite(suite.formatted(""));
        assertEquals(ExitCode.FAILED, together.exit(), together.toString());
        assertTrue(together.out().contains("w stock:adjust inventory: expected allow, got deny: denied by guardrails/quarantine"),
                together.out());
    }

    @Test
    void listedPrincipalsResourcesAndActionsMakeEveryCombination() {
        Cli.Run run = suite("""
                suite: inventory
                principals:
                  a: {id: a, roles: [warehouse], attr: {site: ber}}
                  b: {id: b, roles: [warehouse], attr: {site: par}}
                resources:
                  ber: {service: inventory, kind: item, id: "1", attr: {site: ber}}
                  par: {service: inventory, kind: item, id: "2", attr: {site: par}}
                tests:
                  - name: warehouses manage only their own site
                    principals: [a, b]
                    resources: [ber, par]
                    allow: ["stock:adjust"]
                """);
        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().contains("FAIL  warehouses manage only their own site (2 of 4 checks failed)\n"
                + "        a stock:adjust par: expected allow, got deny: denied by default: no rule allows stock:adjust on"
                + " service inventory\n"
                + "        b stock:adjust ber: expected allow, got deny"), run.out());
    }

    @Test
    void coverageNamesRulesNeverACandidateAndCandidatesThatNeverDecided() {
        Cli.Run run = suite("""
                suite: inventory
                tests:
                  - name: another site
                    principal: {id: w, roles: [warehouse], attr: {site: ber}}
                    resource: {service: inventory, attr: {site: par}}
                    deny: ["stock:adjust"]
                """);
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().endsWith("""
                coverage: 0 of 3 rules decided a check
                  never a candidate: inventory/office-hours
                  a candidate, never deciding: guardrails/quarantine, inventory/warehouse-manages-stock
                """), run.out());
    }

    @Test
    void aCheckTheServerWouldRefuseIsBadInput() {
        Cli.Run run = suite("""
                suite: inventory
                tests:
                  - name: too large a number
                    principal: {id: "", roles: [warehouse]}
                    resource: {service: inventory}
                    deny: ["stock:adjust"]
                """);
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.toString());
        assertEquals("inventory_test.yaml:3:5: error: tests[0]: the server would refuse its check: principal.id: must be a"
                + " non-empty string\n", run.out());
    }
}
