package dev.arbiter.server.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * What the browser transferred for the console's first page (the sign-in page), from the Resource
 * Timing entries of a fresh profile: every file, its body and its bytes on the wire (headers
 * included). Written next to the screenshots, and held to a budget.
 */
final class FirstPageWeight {

    /** The most the sign-in page may weigh, bodies only. */
    static final long BUDGET_BYTES = 48 * 1024;
    static final String REPORT = "first-page-weight.txt";

    private FirstPageWeight() {}

    @SuppressWarnings("unchecked")
    static void measure(ConsoleBrowser browser, String baseUrl) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) browser.script("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .map(entry => ({name: entry.name, body: entry.encodedBodySize, wire: entry.transferSize}));""");
        StringBuilder report = new StringBuilder("bytes (body)  bytes (wire)  file\n");
        long body = 0;
        long wire = 0;
        for (Map<String, Object> entry : entries) {
            String name = (String) entry.get("name");
            assertTrue(name.startsWith(baseUrl + "/console/"), "the first page loads only the console's own files: " + name);
            assertTrue(!name.contains("/js/pages/"), "pages load when opened, not with the sign-in page: " + name);
            long entryBody = ((Number) entry.get("body")).longValue();
            long entryWire = ((Number) entry.get("wire")).longValue();
            assertTrue(entryBody > 0 && entryWire > entryBody, "transferred afresh: " + entry);
            body += entryBody;
            wire += entryWire;
            report.append(String.format("%12d  %12d  %s%n", entryBody, entryWire, name.substring(baseUrl.length())));
        }
        report.append(String.format("%12d  %12d  total of %d files%n", body, wire, entries.size()));
        assertTrue(body <= BUDGET_BYTES,
                "the sign-in page weighs " + body + " bytes, more than " + BUDGET_BYTES + ":\n" + report);
        try {
            Files.createDirectories(ConsoleBrowser.SCREENSHOTS);
            Files.writeString(ConsoleBrowser.SCREENSHOTS.resolve(REPORT), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
