package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code test --junit}: JUnit XML a CI server shows, one test case per test. */
class JUnitReportTest {

    @TempDir
    Path repo;

    @Test
    void writesOneSuiteOneCasePerTestAndTheFailedChecks() throws Exception {
        Cli.write(repo, "payments/payments-api.yaml", TestCommandTest.PAYMENTS.replace("amount <= 10000", "amount > 10000"));
        Cli.write(repo, "payments/payments_test.yaml", TestCommandTest.SUITE);
        Path report = repo.resolve("reports/nested/junit.xml");

        Cli.Run run = Cli.run("test", repo.toString(), "--junit", report.toString());

        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suites = xml.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        assertEquals("2", suites.getAttribute("tests"));
        assertEquals("2", suites.getAttribute("failures"));
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertEquals("payments", suite.getAttribute("name"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals("checkout charges within the limit", first.getAttribute("name"));
        assertEquals("payments", first.getAttribute("classname"));
        assertEquals("payments/payments_test.yaml", first.getAttribute("file"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals("2 of 3 checks failed: checkout charges:create small-charge: expected allow, got deny: denied by"
                + " default: no rule allows charges:create on service payments", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("checkout charges:read small-charge: expected allow, got deny")
                && failure.getTextContent().contains("  payments-api/checkout-can-charge (allow): a candidate, condition false"),
                failure.getTextContent());
    }

    @Test
    void passingTestsHaveNoFailureAndFilteredSuitesAreLeftOut() throws Exception {
        Cli.write(repo, "payments/payments-api.yaml", TestCommandTest.PAYMENTS);
        Cli.write(repo, "payments/payments_test.yaml", TestCommandTest.SUITE);
        Cli.write(repo, "other/other_test.yaml", TestCommandTest.SUITE.replace("suite: payments", "suite: other"));
        Path report = repo.resolve("junit.xml");

        Cli.Run run = Cli.run("test", repo.toString(), "--junit", report.toString(), "--run", "^payments/");

        assertEquals(ExitCode.OK, run.exit(), run.toString());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(1, suites.getLength());
        assertEquals("0", ((Element) suites.item(0)).getAttribute("failures"));
        assertEquals(0, xml.getElementsByTagName("failure").getLength());
    }

    @Test
    void aReportThatCannotBeWrittenIsBadInput() {
        Cli.write(repo, "payments/payments-api.yaml", TestCommandTest.PAYMENTS);
        Cli.write(repo, "payments/payments_test.yaml", TestCommandTest.SUITE);
        Cli.Run run = Cli.run("test", repo.toString(), "--junit", repo.resolve("payments").toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.toString());
        assertTrue(run.err().startsWith("arbiter test: " + repo.resolve("payments") + ": cannot write the JUnit report"),
                run.err());
    }
}
