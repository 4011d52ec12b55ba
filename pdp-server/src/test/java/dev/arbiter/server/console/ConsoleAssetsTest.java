package dev.arbiter.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's files as the server serves them (no token, strict headers, nothing but GET) and
 * as they are written: no inline script or style for the policy to forbid, no string ever parsed
 * as HTML, small modules whose imports all exist.
 */
class ConsoleAssetsTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static final Path SOURCES = Path.of("src", "main", "resources", "console");
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** DOM calls that parse a string as HTML or code; the console builds every node itself. */
    static final Pattern PARSES_STRINGS = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function|createContextualFragment|"
                    + "DOMParser|setAttribute\\(['\"]on");
    static final Pattern IMPORT = Pattern.compile("(?:from|import\\()\\s*'(\\.[^']+)'");

    @Test
    void theFilesAreServedWithoutATokenUnderAStrictPolicy() {
        ApiClient anonymous = arbiter.client(null);
        Map<String, String> types = Map.of("/console/", "text/html", "/console/console.css", "text/css",
                "/console/js/main.js", "javascript", "/console/js/pages/home.js", "javascript");
        types.forEach((path, type) -> {
            ApiClient.Response answer = anonymous.get(path);
            assertEquals(200, answer.status(), path);
            assertTrue(answer.header("Content-Type").contains(type), path + ": " + answer.header("Content-Type"));
            assertEquals(POLICY, answer.header("Content-Security-Policy"), path);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), path);
            assertEquals("no-cache", answer.header("Cache-Control"), path);
        });
        assertEquals(200, arbiter.client("not-a-key").get("/console/").status(), "the console never looks at a token");
    }

    @Test
    void theConsoleHasOneAddressAndAnswersOnlyGet() {
        ApiClient anonymous = arbiter.client(null);
        ApiClient.Response bare = anonymous.get("/console");
        assertEquals(301, bare.status());
        assertEquals("/console/", bare.header("Location"));

        for (String missing : List.of("/console/nothing.js", "/console/../pom.xml", "/console/%2e%2e/pom.xml",
                "/console/js/../../../pom.xml")) {
            ApiClient.Response answer = anonymous.get(missing);
            assertEquals(404, answer.status(), missing);
            assertEquals("not_found", answer.errorCode(), missing);
        }
        ApiClient.Response posted = anonymous.post("/console/", "{}");
        assertEquals(405, posted.status());
        assertEquals("GET", posted.header("Allow"));
    }

    @Test
    void noPageHoldsInlineScriptOrStyle() throws IOException {
        for (Path page : files(".html")) {
            String html = Files.readString(page);
            Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
            while (scripts.find()) {
                assertTrue(scripts.group(1).contains("src="), page + " has an inline script");
            }
            assertTrue(!html.contains("<style") && !html.contains(" style="), page + " has an inline style");
            assertTrue(!Pattern.compile("\\son[a-z]+=").matcher(html).find(), page + " has an inline handler");
        }
    }

    @Test
    void noModuleParsesAStringAsHtmlOrCode() throws IOException {
        for (Path module : files(".js")) {
            Matcher found = PARSES_STRINGS.matcher(Files.readString(module));
            if (found.find()) {
                fail(module + " uses " + found.group());
            }
        }
    }

    @Test
    void modulesAreSmallAndTheirImportsExist() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path module : files(".js")) {
            List<String> lines = Files.readAllLines(module);
            if (lines.size() > 300) {
                problems.add(module + " has " + lines.size() + " lines");
            }
            Matcher imports = IMPORT.matcher(String.join("\n", lines));
            while (imports.find()) {
                if (!Files.isRegularFile(module.resolveSibling(imports.group(1)).normalize())) {
                    problems.add(module + " imports the missing " + imports.group(1));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            List<Path> found = paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
            assertTrue(!found.isEmpty(), "no " + suffix + " file under " + SOURCES);
            return found;
        }
    }
}
