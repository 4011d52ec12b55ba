package dev.arbiter.server.cli.suite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The results as JUnit XML, which CI servers show: one {@code <testsuite>} per suite, one
 * {@code <testcase>} per test, and a {@code <failure>} listing its failed checks with how every
 * rule fared in each.
 */
public final class JUnitReport {

    private JUnitReport() {}

    public static void write(List<SuiteResult> results, Instant started, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "arbiter");
            xml.writeAttribute("tests", Long.toString(results.stream().mapToLong(suite -> suite.tests().size()).sum()));
            xml.writeAttribute("failures", Long.toString(results.stream().mapToLong(SuiteResult::failed).sum()));
            xml.writeAttribute("time", seconds(results.stream().mapToLong(SuiteResult::nanos).sum()));
            for (SuiteResult suite : results) {
                if (!suite.tests().isEmpty()) {
                    suite(xml, suite, started);
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, SuiteResult suite, Instant started) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.suite().name());
        xml.writeAttribute("tests", Integer.toString(suite.tests().size()));
        xml.writeAttribute("failures", Long.toString(suite.failed()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(suite.nanos()));
        xml.writeAttribute("timestamp", started.truncatedTo(ChronoUnit.SECONDS).toString());
        for (TestResult test : suite.tests()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", suite.suite().name());
            xml.writeAttribute("name", test.test().name());
            xml.writeAttribute("file", suite.suite().file());
            xml.writeAttribute("time", seconds(test.nanos()));
            List<CheckResult> failures = test.failures();
            if (!failures.isEmpty()) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", failures.size() + " of " + test.checks().size() + " checks failed: "
                        + failures.get(0).describe());
                xml.writeAttribute("type", "unexpected decision");
                StringBuilder text = new StringBuilder();
                for (CheckResult failure : failures) {
                    text.append(failure.describe()).append('\n');
                    ExplainText.lines(failure.explanation())
                            .forEach(line -> text.append("  ").append(line).append('\n'));
                }
                xml.writeCharacters(text.toString());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
