package dev.arbiter.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The walk-through of the console in a real browser, as the issue lists it: sign in, edit a policy
 * with a typo and see the error at its position, save, see the revision, try a request and read
 * the explanation, find the decision in the log, verify the chain. Every page is photographed on
 * the way (docs/console.md shows the pictures).
 */
class ConsoleWalkThroughTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    private static ConsoleBrowser browser;
    private static String token;

    @BeforeAll
    static void policyTrafficAndBrowser() {
        Payments.storeAndCharge(arbiter.admin(), arbiter.clientWithRoles("checkout", "check"),
                1200, 5000, 9000, 30000, 45000);
        token = arbiter.server().createKey("console-editor", "policy-admin", "auditor", "check");
        browser = ConsoleBrowser.open(arbiter.server().baseUrl());
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void signInEditSaveTryFindAndVerify() {
        signIn();
        editWithATypo();
        save();
        String decisionId = tryARequest();
        findInTheLog(decisionId);
        verifyTheChain();
        seeTheTrends();
        openTheDirectory();
    }

    private void signIn() {
        browser.load("");
        browser.visible(By.xpath("//h1[.='Sign in']"));
        browser.screenshot("01-sign-in");
        FirstPageWeight.measure(browser, arbiter.server().baseUrl());
        browser.signIn(token);
        browser.withText(By.id("who-roles"), "check, policy-admin, auditor");
        browser.screenshot("02-overview");
    }

    private void editWithATypo() {
        browser.click("Policies");
        browser.withText(By.tagName("main"), "Service payments");
        browser.screenshot("03-policies");
        browser.click("payments-api");
        WebElement status = browser.withText(By.className("validation"), "No problems");
        WebElement editor = browser.visible(By.cssSelector("textarea.code"));
        String text = editor.getDomProperty("value");
        int typo = text.indexOf("principal.attr.env");
        browser.typeOver(editor, typo, typo + "principal".length(), "principle");

        WebElement problem = browser.withText(By.cssSelector(".problem.error"), "'principle' is not defined");
        String typed = editor.getDomProperty("value");
        int line = lineOf(typed, typo);
        int column = typo - typed.lastIndexOf('\n', typo - 1);
        assertTrue(problem.getText().startsWith("Line " + line + ", column " + column), problem.getText());
        assertTrue(status.getText().contains("1 error"), status.getText());
        WebElement marked = browser.driver().findElement(By.cssSelector(".gutter .line.error"));
        assertEquals(String.valueOf(line), marked.getText());

        browser.script("arguments[0].setSelectionRange(0, 0);", editor); // choosing the problem must move it
        problem.findElement(By.tagName("button")).click();
        assertEquals(typo, ((Number) browser.script("return arguments[0].selectionStart;", editor)).intValue());
        assertEquals("principle", browser.script(
                "return arguments[0].value.slice(arguments[0].selectionStart, arguments[0].selectionEnd);", editor));
        browser.screenshot("04-policy-error");
        browser.typeOver(editor, typo, typo + "principle".length(), "principal");
        browser.withText(By.className("validation"), "No problems");
    }

    private void save() {
        WebElement editor = browser.visible(By.cssSelector("textarea.code"));
        int limit = editor.getDomProperty("value").indexOf("10000");
        browser.typeOver(editor, limit, limit + 5, "25000");
        browser.withText(By.className("validation"), "No problems");
        browser.click("Review changes and save…");
        WebElement diff = browser.withText(By.className("diff"), "1 line added, 1 line removed");
        assertTrue(diff.getText().lines().anyMatch(line -> line.startsWith("-") && line.contains("amount <= 10000 &&")),
                diff.getText());
        assertTrue(diff.getText().lines().anyMatch(line -> line.startsWith("+") && line.contains("amount <= 25000 &&")),
                diff.getText());
        browser.screenshot("05-policy-review");
        browser.click("Save as version 2");
        browser.withText(By.className("flash"), "Saved payments-api as version 2 in store revision ");

        JsonNode stored = arbiter.admin().get("/v1/policies/payments-api").json();
        assertEquals(2, stored.get("version").asInt());
        assertTrue(stored.toString().contains("amount <= 25000"), stored.toString());
        long revision = stored.get("revision").asLong();
        browser.withText(By.className("flash"), "Saved payments-api as version 2 in store revision " + revision + ".");
        browser.withText(By.className("meta"), "version 2 · store revision " + revision);
        browser.screenshot("06-policy-saved");
    }

    /** A charge of 15,000, allowed since the edit; answers the decision id the page shows. */
    private String tryARequest() {
        browser.click("Try a request");
        WebElement attributes = browser.field("Resource attributes");
        browser.fill(attributes, "{\"amount\": 15000, \"env\": \"prod\"}");
        browser.click("Decide");
        WebElement result = browser.withText(By.className("result"), "allowed by payments-api/checkout-can-charge");
        assertTrue(result.findElement(By.tagName("h2")).getText().contains("allow"), result.getText());
        WebElement decided = result.findElement(By.cssSelector("table.explain tr.decided"));
        assertTrue(decided.getText().contains("checkout-can-charge"), decided.getText());
        assertTrue(decided.getText().contains("true"), decided.getText());
        WebElement other = result.findElement(By.xpath(".//table//tr[td[2][starts-with(., 'no-cross-env-refunds')]]"));
        assertTrue(other.getText().contains("no match"), other.getText());
        assertTrue(other.getText().contains("not evaluated"), other.getText());
        browser.screenshot("07-try");
        return result.findElement(By.cssSelector("dl.facts a[href^='#/decisions/']")).getText();
    }

    private void findInTheLog(String decisionId) {
        browser.click("Decision log");
        browser.fill(browser.field("Principal id"), Payments.CHECKOUT);
        browser.click("Search");
        By row = By.cssSelector("a[aria-label='Decision " + decisionId + "']");
        Eventually.await(Duration.ofSeconds(20), "the decision in the console's log", () -> {
            if (browser.driver().findElements(row).isEmpty()) {
                browser.click("Search");
                return null;
            }
            return true;
        });
        browser.screenshot("08-decision-log");
        browser.visible(row).click();
        WebElement facts = browser.withText(By.cssSelector("dl.facts"), "payments-api/checkout-can-charge");
        assertTrue(facts.getText().contains(Payments.CHECKOUT), facts.getText());
        assertTrue(facts.getText().contains("console-editor"), facts.getText());
        browser.withText(By.cssSelector("pre.json"), "\"amount\": 15000");
        browser.screenshot("09-decision");
    }

    private void verifyTheChain() {
        browser.click("Decision log");
        browser.click("Verify the hash chain");
        browser.withText(By.className("verify-result"), "The log is intact");
        String shown = browser.visible(By.cssSelector("input.hash")).getDomProperty("value");
        ApiClient.Response verified = arbiter.admin().get("/v1/decisions/verify");
        assertTrue(verified.json().get("valid").asBoolean(), verified.body());
        assertEquals(verified.json().at("/head/hash").asText(), shown);
        browser.screenshot("10-verify");
    }

    private void seeTheTrends() {
        browser.click("Statistics");
        WebElement timeline = browser.withText(By.cssSelector("figure.chart-box"), "Decisions per hour");
        int allowed = 0;
        int denied = 0;
        for (WebElement row : timeline.findElements(By.cssSelector("details tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            allowed += Integer.parseInt(cells.get(1).getDomProperty("textContent"));
            denied += Integer.parseInt(cells.get(2).getDomProperty("textContent"));
        }
        JsonNode log = arbiter.admin().get("/v1/decisions?limit=1000").json().get("decisions");
        int loggedAllowed = 0;
        for (JsonNode record : log) {
            loggedAllowed += record.get("allow").asBoolean() ? 1 : 0;
        }
        assertEquals(loggedAllowed, allowed);
        assertEquals(log.size() - loggedAllowed, denied);
        WebElement principals = browser.visible(By.xpath("//figure[figcaption='Most denied principals']"));
        String mostDenied = principals.getDomProperty("textContent");
        assertTrue(mostDenied.contains(Payments.CHECKOUT), mostDenied);
        browser.screenshot("11-statistics");
    }

    /** The directory page lists what the directory holds (ConsoleDirectoryTest covers it in depth). */
    private void openTheDirectory() {
        browser.click("Directory");
        browser.visible(By.cssSelector("main .results > *"));
        assertTrue(browser.driver().findElements(By.cssSelector("main .notice.error")).isEmpty());
        browser.screenshot("12-directory");
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
